using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace HyperTune.Cli.Tests.Fakes;

/// <summary>
/// A stand-in for the Coordinator's REST API: canned answers per method and path (with query), every request
/// recorded. Several answers for one route are served in turn, the last one from then on. An unknown route
/// answers 404 problem details.
/// </summary>
internal sealed class FakeHyperTuneServer : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Queue<Func<RecordedRequest, HttpResponseMessage>>> _routes = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The one request received; fails when there were none or several.</summary>
    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public FakeHyperTuneServer On(string method, string pathAndQuery, Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _routes.GetOrAdd(Key(method, pathAndQuery), _ => new Queue<Func<RecordedRequest, HttpResponseMessage>>()).Enqueue(respond);
        return this;
    }

    public FakeHyperTuneServer OnJson(string method, string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, pathAndQuery, _ => Json(json, status));

    public FakeHyperTuneServer OnProblem(string method, string pathAndQuery, HttpStatusCode status, string title, string detail, string? errorsJson = null) =>
        On(method, pathAndQuery, _ => Problem(status, title, detail, errorsJson));

    /// <summary>Serves <paramref name="stream"/> as <c>text/event-stream</c>.</summary>
    public FakeHyperTuneServer OnEvents(string studyId, Stream stream) =>
        On("GET", $"/api/studies/{studyId}/events", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(stream) { Headers = { { "Content-Type", "text/event-stream" } } },
        });

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, string? errorsJson = null)
    {
        var errors = errorsJson is null ? "" : $", \"errors\": {errorsJson}";
        var body = $$"""{ "type": "about:blank", "title": "{{title}}", "status": {{(int)status}}, "detail": "{{detail}}"{{errors}} }""";
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Accept.ToString(),
            request.Headers.Authorization?.ToString());
        _requests.Enqueue(recorded);

        if (!_routes.TryGetValue(Key(request.Method.Method, request.RequestUri!.PathAndQuery), out var answers))
        {
            return Problem(HttpStatusCode.NotFound, "Not Found", $"no fake route for {recorded}");
        }

        Func<RecordedRequest, HttpResponseMessage> respond;
        lock (answers)
        {
            respond = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
        }

        var response = respond(recorded);
        response.RequestMessage = request;
        return response;
    }

    private static string Key(string method, string pathAndQuery) => $"{method.ToUpperInvariant()} {pathAndQuery}";
}
