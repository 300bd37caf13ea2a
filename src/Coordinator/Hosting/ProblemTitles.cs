namespace HyperTune.Coordinator.Hosting;

/// <summary>The one title of each error status, so that a problem's title says what kind of failure it is.</summary>
internal static class ProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Bad request",
        [StatusCodes.Status401Unauthorized] = "Authentication required",
        [StatusCodes.Status403Forbidden] = "Forbidden",
        [StatusCodes.Status404NotFound] = "Not found",
        [StatusCodes.Status405MethodNotAllowed] = "Method not allowed",
        [StatusCodes.Status406NotAcceptable] = "Not acceptable",
        [StatusCodes.Status408RequestTimeout] = "Request timeout",
        [StatusCodes.Status409Conflict] = "Conflict",
        [StatusCodes.Status411LengthRequired] = "Length required",
        [StatusCodes.Status413PayloadTooLarge] = "Payload too large",
        [StatusCodes.Status414UriTooLong] = "URI too long",
        [StatusCodes.Status415UnsupportedMediaType] = "Unsupported media type",
        [StatusCodes.Status422UnprocessableEntity] = "Unprocessable content",
        [StatusCodes.Status429TooManyRequests] = "Too many requests",
        [StatusCodes.Status431RequestHeaderFieldsTooLarge] = "Request header fields too large",
        [StatusCodes.Status500InternalServerError] = "Unexpected error",
        [StatusCodes.Status501NotImplemented] = "Not implemented",
        [StatusCodes.Status503ServiceUnavailable] = "The cluster is unavailable",
    };

    /// <summary>The title of <paramref name="status"/>: ours, else the standard reason phrase, else "Error".</summary>
    public static string For(int status) =>
        Titles.TryGetValue(status, out var title) ? title
        : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase
        : "Error";

    /// <summary>True when <paramref name="title"/> is the framework's default for <paramref name="status"/> (or missing), which ours replaces.</summary>
    public static bool IsDefault(int status, string? title) =>
        string.IsNullOrEmpty(title)
        || string.Equals(title, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase);
}
