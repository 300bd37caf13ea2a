using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperTune.Coordinator.Hosting;
using HyperTune.Search.Specs;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Api;

/// <summary>Reads request bodies as JSON and answers with a problem that names the field when they are not.</summary>
internal static class JsonRequestBody
{
    /// <summary>
    /// The longest body read, in characters: 4 MiB, the most a study spec may have
    /// (<see cref="StudySpecParser.MaxLength"/>); a real one is a few KiB.
    /// </summary>
    public const int MaxLength = StudySpecParser.MaxLength;

    /// <summary>
    /// Reads the whole body as UTF-8 text, at most <see cref="MaxLength"/> characters: a longer one (or one announced
    /// longer by its Content-Length) is a 413 problem, without reading the rest.
    /// </summary>
    public static async Task<(string Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxLength)
        {
            return (string.Empty, TooLarge(request.ContentLength.Value));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxLength)
            {
                return (string.Empty, TooLarge(null));
            }
        }

        return (text.ToString(), null);
    }

    private static ProblemHttpResult TooLarge(long? length)
    {
        var size = length is { } l ? string.Create(CultureInfo.InvariantCulture, $" ({l:N0} bytes)") : string.Empty;
        return TypedResults.Problem(
            string.Create(CultureInfo.InvariantCulture, $"The request body is too large{size}; at most {MaxLength:N0} characters are read."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload too large",
            extensions: new Dictionary<string, object?> { [ApiProblems.ErrorsKey] = new[] { new ApiFieldError("$", "is too large") } });
    }

    /// <summary>
    /// Parses <paramref name="text"/>, the body of <paramref name="request"/>, as a JSON object no deeper than
    /// <see cref="ApiLimitsOptions.MaxJsonDepth"/>. Returns null and the document, or a 400 problem about
    /// <paramref name="field"/> that tells what to send (<paramref name="example"/>).
    /// </summary>
    public static ProblemHttpResult? TryParseObject(HttpRequest request, string text, string field, string example, out JsonDocument? document)
    {
        document = null;
        var contentType = request.ContentType;
        var maxDepth = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiLimitsOptions>>().Value.MaxJsonDepth;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiProblems.BadField("Empty body", field, $"The request body is empty; send {example}.");
        }

        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException) when (NestsDeeperThan(text, maxDepth))
        {
            return ApiProblems.BadField(
                "Body nests too deep", field, $"The request body nests arrays and objects deeper than {maxDepth} levels (HyperTune:Api:MaxJsonDepth); send {example}.");
        }
        catch (JsonException e)
        {
            var received = contentType is null || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? string.Empty
                : $" (it was sent as {contentType})";
            return ApiProblems.BadField("Body is not JSON", field,
                $"The request body is not valid JSON{received}: {JsonParseError.Describe(e, text).TrimEnd('.')}; send {example}.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = Describe(document.RootElement.ValueKind);
            document.Dispose();
            document = null;
            return ApiProblems.BadField("Body is not a JSON object", field, $"The request body is {kind}, not a JSON object; send {example}.");
        }

        return null;
    }

    /// <summary>
    /// Reads the positive, finite number <paramref name="name"/> of a JSON object (names match case-insensitively).
    /// Returns null and the value, or a 400 problem naming the field.
    /// </summary>
    public static ProblemHttpResult? TryReadPositiveNumber(JsonElement body, string name, string example, out double value)
    {
        value = double.NaN;
        var field = "$." + name;
        JsonElement? found = null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
            }
        }

        if (found is not { } element)
        {
            return ApiProblems.BadField("Missing field", field, $"The field '{name}' is missing; send {example}.");
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            return ApiProblems.BadField("Invalid field", field, $"The field '{name}' must be a number, not {Describe(element.ValueKind)}.");
        }

        if (!element.TryGetDouble(out value) || !double.IsFinite(value) || value <= 0)
        {
            return ApiProblems.BadField("Invalid field", field, $"The field '{name}' must be a positive, finite number, not {element.GetRawText()}.");
        }

        return null;
    }

    /// <summary>True when arrays and objects in <paramref name="text"/> (strings skipped) nest deeper than <paramref name="limit"/>; one linear pass.</summary>
    private static bool NestsDeeperThan(string text, int limit)
    {
        var (depth, inString, escaped) = (0, false, false);
        foreach (var c in text)
        {
            if (inString)
            {
                (escaped, inString) = escaped ? (false, true) : (c == '\\', c != '"');
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{' && ++depth > limit)
            {
                return true;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
