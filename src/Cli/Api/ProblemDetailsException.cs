using System.Net;
using System.Text;
using System.Text.Json;

namespace HyperTune.Cli.Api;

/// <summary>
/// An HTTP error answer of the API, usually an RFC 7807 problem details body (<c>title</c>, <c>status</c>,
/// <c>detail</c>, and for 400 <c>errors</c>); its message is one line: the detail, then the first few field errors.
/// </summary>
internal sealed class ProblemDetailsException : CliException
{
    /// <summary>How many field errors the one-line message names before it counts the rest.</summary>
    public const int MaxListedErrors = 3;

    public ProblemDetailsException(
        HttpStatusCode status, string? title, string? detail, IReadOnlyList<ProblemField> errors, string fallback)
        : base(Describe(detail, title, errors, fallback))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>The bad fields of a 400 answer, in the server's order.</summary>
    public IReadOnlyList<ProblemField> Errors { get; }

    /// <summary>Reads an unsuccessful answer; a body that is not problem details is summarized instead.</summary>
    public static async Task<ProblemDetailsException> FromResponseAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        var fallback = $"{request?.Method} {request?.RequestUri?.AbsolutePath} answered " +
            $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return new ProblemDetailsException(
                    response.StatusCode, ReadString(root, "title"), ReadString(root, "detail"), ReadErrors(root), fallback);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, plain text): the status line says enough.
        }

        return new ProblemDetailsException(response.StatusCode, null, null, [], fallback);
    }

    private static string Describe(string? detail, string? title, IReadOnlyList<ProblemField> errors, string fallback)
    {
        var text = new StringBuilder(OneLine(detail) ?? OneLine(title) ?? fallback);
        for (var i = 0; i < errors.Count && i < MaxListedErrors; i++)
        {
            text.Append(i == 0 ? ": " : "; ");
            var field = errors[i];
            text.Append(string.IsNullOrEmpty(field.Field) ? OneLine(field.Message) : $"{field.Field}: {OneLine(field.Message)}");
        }

        if (errors.Count > MaxListedErrors)
        {
            text.Append("; and ").Append(errors.Count - MaxListedErrors).Append(" more");
        }

        return text.ToString();
    }

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string? ReadString(JsonElement root, string name) =>
        TryGet(root, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The contract's shape is [{ field, message }]; ASP.NET's { "field": ["message", …] } is read too.
    private static List<ProblemField> ReadErrors(JsonElement root)
    {
        var errors = new List<ProblemField>();
        if (!TryGet(root, "errors", out var value))
        {
            return errors;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    errors.Add(new ProblemField(ReadString(item, "field") ?? "", ReadString(item, "message") ?? ""));
                }
                else if (item.ValueKind == JsonValueKind.String)
                {
                    errors.Add(new ProblemField("", item.GetString() ?? ""));
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                var messages = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(m => m.ToString())
                    : [property.Value.ToString()];
                errors.Add(new ProblemField(property.Name, string.Join(", ", messages)));
            }
        }

        return errors;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
