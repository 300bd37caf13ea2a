using System.Globalization;
using System.Text.Json;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs.Reading;

namespace HyperTune.Search.Specs;

/// <summary>
/// Reads a study spec from JSON (snake_case; comments and trailing commas allowed) and validates it, reporting every
/// problem at once with its JSON path (the first <see cref="SpecErrorList.MaxListed"/>, then how many more). Malformed
/// JSON gives one error naming its line and position. The work is linear in the text, which is at most
/// <see cref="MaxLength"/> characters nested at most <see cref="MaxDepth"/> deep.
/// </summary>
public static class StudySpecParser
{
    /// <summary>The longest spec text read: 4 MiB characters (a real spec is a few KiB).</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>The most problems listed; one more at <c>$</c> then counts the rest.</summary>
    public const int MaxListedProblems = SpecErrorList.MaxListed;

    /// <summary>The deepest nesting of objects and arrays read: 32 (a real spec nests 5 deep).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    /// <summary>Reads and validates a spec against the built-in algorithm kinds.</summary>
    public static StudySpecParseResult Parse(string json) => Parse(json, AlgorithmRegistry.Default);

    /// <summary>Reads and validates a spec against the kinds of <paramref name="registry"/>.</summary>
    public static StudySpecParseResult Parse(string json, AlgorithmRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(registry);
        if (json.Length > MaxLength)
        {
            return StudySpecParseResult.Failure([TooLong(json.Length)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return StudySpecParseResult.Failure([Malformed(e)]);
        }

        using (document)
        {
            var errors = new SpecErrorList();
            var spec = StudySpecReader.Read(new SpecReadContext(errors), document.RootElement);
            StudySpecValidator.Validate(spec, registry, errors);
            return errors.Count == 0 ? StudySpecParseResult.Success(spec) : StudySpecParseResult.Failure(errors.Errors);
        }
    }

    /// <summary>Reads and validates a spec, or throws a <see cref="StudySpecException"/> listing every problem.</summary>
    public static StudySpec ParseOrThrow(string json, AlgorithmRegistry? registry = null) =>
        Parse(json, registry ?? AlgorithmRegistry.Default).GetSpecOrThrow();

    private static SpecError TooLong(int length) => new(
        JsonPaths.Root,
        string.Create(CultureInfo.InvariantCulture, $"the spec is {length:N0} characters long; at most {MaxLength:N0} are read"));

    private static SpecError Malformed(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        return new SpecError(JsonPaths.Root, $"malformed JSON at line {line}, position {position}: {message.TrimEnd('.', ' ')}");
    }
}
