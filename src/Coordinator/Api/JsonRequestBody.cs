using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperTune.Coordinator.Api;

/// <summary>Reads request bodies as JSON and answers with a problem that names the field when they are not.</summary>
internal static class JsonRequestBody
{
    /// <summary>Reads the whole body as UTF-8 text.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as a JSON object. Returns null and the document, or a 400 problem about
    /// <paramref name="field"/> that tells what to send (<paramref name="example"/>).
    /// </summary>
    public static ProblemHttpResult? TryParseObject(string text, string? contentType, string field, string example, out JsonDocument? document)
    {
        document = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiProblems.BadField("Empty body", field, $"The request body is empty; send {example}.");
        }

        try
        {
            document = JsonDocument.Parse(text);
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
