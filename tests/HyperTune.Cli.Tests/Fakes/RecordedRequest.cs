namespace HyperTune.Cli.Tests.Fakes;

/// <summary>A request the fake server received (<paramref name="Authorization"/>: its <c>Authorization</c> header, if any).</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Accept, string? Authorization = null)
{
    /// <summary>The path and query, e.g. <c>/api/studies?id=s1</c>.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    public override string ToString() => $"{Method} {PathAndQuery}";
}
