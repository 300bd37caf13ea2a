using System.Text.Json;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs.Reading;

namespace HyperTune.Search.Specs;

/// <summary>
/// Reads a study spec from JSON (snake_case; comments and trailing commas allowed) and validates it, reporting every
/// problem at once with its JSON path. Malformed JSON gives one error naming its line and position.
/// </summary>
public static class StudySpecParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and validates a spec against the built-in algorithm kinds.</summary>
    public static StudySpecParseResult Parse(string json) => Parse(json, AlgorithmRegistry.Default);

    /// <summary>Reads and validates a spec against the kinds of <paramref name="registry"/>.</summary>
    public static StudySpecParseResult Parse(string json, AlgorithmRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(registry);
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
