using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Api;

/// <summary>
/// The REST API of the Coordinator (docs/rest-api.md), one method per route. Failures surface as
/// <see cref="ProblemDetailsException"/> (an HTTP error) or <see cref="ApiUnreachableException"/> (no answer).
/// </summary>
internal sealed class HyperTuneApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    /// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the Coordinator, ending in '/'.</param>
    public HyperTuneApiClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http.BaseAddress);
        _http = http;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>True when requests carry a token.</summary>
    public bool SendsToken => _http.DefaultRequestHeaders.Authorization is not null;

    /// <summary>
    /// A client for the Coordinator at <paramref name="baseAddress"/>, over <paramref name="handler"/> if given, sending
    /// <paramref name="token"/> (when given) as <c>Authorization: Bearer</c> with every request.
    /// </summary>
    public static HyperTuneApiClient Create(Uri baseAddress, HttpMessageHandler? handler, string? token = null)
    {
        var http = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = WithTrailingSlash(baseAddress);
        http.Timeout = RequestTimeout;
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("hypertune-cli", "1.0"));
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new HyperTuneApiClient(http);
    }

    // Studies

    /// <summary><c>POST /api/studies[?id=ID]</c> with the spec's JSON text.</summary>
    public Task<Study> CreateStudyAsync(string specJson, string? studyId, CancellationToken cancellationToken)
    {
        var path = studyId is null ? "api/studies" : $"api/studies?id={Uri.EscapeDataString(studyId)}";
        var content = new StringContent(specJson, Encoding.UTF8, "application/json");
        return SendAsync(HttpMethod.Post, path, content, ApiJsonContext.Default.Study, cancellationToken);
    }

    /// <summary><c>GET /api/studies</c>, oldest first.</summary>
    public Task<IReadOnlyList<Study>> ListStudiesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/studies", null, ApiJsonContext.Default.IReadOnlyListStudy, cancellationToken);

    /// <summary><c>GET /api/studies/{id}</c>.</summary>
    public Task<Study> GetStudyAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, StudyPath(studyId), null, ApiJsonContext.Default.Study, cancellationToken);

    /// <summary><c>GET /api/studies/{id}/trials[?status=STATE]</c>, by number.</summary>
    public Task<IReadOnlyList<Trial>> ListTrialsAsync(string studyId, string? status, CancellationToken cancellationToken)
    {
        var path = StudyPath(studyId, "trials") + (status is null ? "" : $"?status={Uri.EscapeDataString(status)}");
        return SendAsync(HttpMethod.Get, path, null, ApiJsonContext.Default.IReadOnlyListTrial, cancellationToken);
    }

    /// <summary><c>GET /api/studies/{id}/best</c>; 404 when no trial has reported yet.</summary>
    public Task<BestTrial> GetBestTrialAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, StudyPath(studyId, "best"), null, ApiJsonContext.Default.BestTrial, cancellationToken);

    /// <summary><c>GET /api/studies/{id}/history</c>.</summary>
    public Task<StudyHistory> GetStudyHistoryAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, StudyPath(studyId, "history"), null, ApiJsonContext.Default.StudyHistory, cancellationToken);

    /// <summary>
    /// <c>GET /api/studies/{id}/export?format=csv|json</c>: the file's content, to be read and disposed by the caller.
    /// </summary>
    public async Task<Stream> ExportStudyAsync(string studyId, string format, CancellationToken cancellationToken)
    {
        var path = StudyPath(studyId, "export") + $"?format={Uri.EscapeDataString(format)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/studies/{id}/pause</c>.</summary>
    public Task<Study> PauseStudyAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, StudyPath(studyId, "pause"), null, ApiJsonContext.Default.Study, cancellationToken);

    /// <summary><c>POST /api/studies/{id}/resume</c>.</summary>
    public Task<Study> ResumeStudyAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, StudyPath(studyId, "resume"), null, ApiJsonContext.Default.Study, cancellationToken);

    /// <summary><c>POST /api/studies/{id}/stop</c>.</summary>
    public Task<Study> StopStudyAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, StudyPath(studyId, "stop"), null, ApiJsonContext.Default.Study, cancellationToken);

    /// <summary>
    /// <c>GET /api/studies/{id}/events</c>: the open <c>text/event-stream</c>, to be read and disposed by the caller.
    /// </summary>
    public async Task<Stream> OpenStudyEventsAsync(string studyId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StudyPath(studyId, "events"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    // Trials

    /// <summary><c>GET /api/trials/{id}</c>: the trial and its history.</summary>
    public Task<TrialDetails> GetTrialAsync(string trialId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, TrialPath(trialId), null, ApiJsonContext.Default.TrialDetails, cancellationToken);

    /// <summary><c>POST /api/trials/{id}/decay-lr</c> with <c>{ "factor": … }</c>.</summary>
    public Task<Trial> DecayLearningRateAsync(string trialId, double factor, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            TrialPath(trialId, "decay-lr"),
            JsonContent.Create(new DecayLearningRateRequest(factor), ApiJsonContext.Default.DecayLearningRateRequest),
            ApiJsonContext.Default.Trial,
            cancellationToken);

    /// <summary><c>POST /api/trials/{id}/set-lr</c> with <c>{ "value": … }</c>.</summary>
    public Task<Trial> SetLearningRateAsync(string trialId, double value, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            TrialPath(trialId, "set-lr"),
            JsonContent.Create(new SetLearningRateRequest(value), ApiJsonContext.Default.SetLearningRateRequest),
            ApiJsonContext.Default.Trial,
            cancellationToken);

    /// <summary>
    /// <c>POST /api/trials/{id}/fork</c> with the changed hyperparameters (numbers, strings or booleans) and the
    /// checkpoint's epoch, when given.
    /// </summary>
    public Task<ForkTrialResponse> ForkTrialAsync(string trialId, IReadOnlyDictionary<string, object> changes, int? epoch, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            foreach (var (name, value) in changes)
            {
                switch (value)
                {
                    case double number:
                        json.WriteNumber(name, number);
                        break;
                    case long whole:
                        json.WriteNumber(name, whole);
                        break;
                    case bool flag:
                        json.WriteBoolean(name, flag);
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }

            if (epoch is { } at)
            {
                json.WriteNumber("epoch", at);
            }

            json.WriteEndObject();
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return SendAsync(HttpMethod.Post, TrialPath(trialId, "fork"), content, ApiJsonContext.Default.ForkTrialResponse, cancellationToken);
    }

    /// <summary><c>POST /api/trials/{id}/pause</c>.</summary>
    public Task<Trial> PauseTrialAsync(string trialId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, TrialPath(trialId, "pause"), null, ApiJsonContext.Default.Trial, cancellationToken);

    /// <summary><c>POST /api/trials/{id}/resume</c>.</summary>
    public Task<Trial> ResumeTrialAsync(string trialId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, TrialPath(trialId, "resume"), null, ApiJsonContext.Default.Trial, cancellationToken);

    /// <summary><c>POST /api/trials/{id}/stop</c>.</summary>
    public Task<Trial> StopTrialAsync(string trialId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, TrialPath(trialId, "stop"), null, ApiJsonContext.Default.Trial, cancellationToken);

    // Learning-rate range tests

    /// <summary><c>POST /api/lr-range-tests[?id=ID]</c> with the spec's JSON text: the test just started.</summary>
    public Task<RangeTest> StartRangeTestAsync(string specJson, string? rangeTestId, CancellationToken cancellationToken)
    {
        var path = rangeTestId is null ? "api/lr-range-tests" : $"api/lr-range-tests?id={Uri.EscapeDataString(rangeTestId)}";
        var content = new StringContent(specJson, Encoding.UTF8, "application/json");
        return SendAsync(HttpMethod.Post, path, content, ApiJsonContext.Default.RangeTest, cancellationToken);
    }

    /// <summary><c>GET /api/lr-range-tests/{id}</c>.</summary>
    public Task<RangeTestSummary[]> ListRangeTestsAsync(int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"api/lr-range-tests?limit={limit}"), null,
            ApiJsonContext.Default.RangeTestSummaryArray, cancellationToken);

    public Task<RangeTest> GetRangeTestAsync(string rangeTestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/lr-range-tests/{Uri.EscapeDataString(rangeTestId)}", null, ApiJsonContext.Default.RangeTest, cancellationToken);

    /// <summary><c>GET /api/studies/{id}/lr-range-test</c>: the test the study ran first; 404 when it has none.</summary>
    public Task<RangeTest> GetStudyRangeTestAsync(string studyId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, StudyPath(studyId, "lr-range-test"), null, ApiJsonContext.Default.RangeTest, cancellationToken);

    // Cluster

    /// <summary><c>GET /api/cluster</c>.</summary>
    public Task<ClusterView> GetClusterAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/cluster", null, ApiJsonContext.Default.ClusterView, cancellationToken);

    /// <summary><c>POST /api/cluster/silos/{silo}/drain</c> (or <c>undrain</c>); 404 when no live silo has that name or address.</summary>
    public Task<SiloSlots> SetDrainingAsync(string silo, bool drain, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/cluster/silos/{Uri.EscapeDataString(silo)}/{(drain ? "drain" : "undrain")}", null, ApiJsonContext.Default.SiloSlots, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string StudyPath(string studyId, string? action = null) =>
        $"api/studies/{Uri.EscapeDataString(studyId)}" + (action is null ? "" : "/" + action);

    private static string TrialPath(string trialId, string? action = null) =>
        $"api/trials/{Uri.EscapeDataString(trialId)}" + (action is null ? "" : "/" + action);

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address + "/");

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        try
        {
            var value = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
            return value ?? throw new CliException($"{method} /{path} answered an empty body");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{method} /{path} answered JSON this CLI cannot read ({ex.Message})", ExitCodes.Failure, ex);
        }
    }

    // Sends a request; an unsuccessful status becomes a ProblemDetailsException, no answer an ApiUnreachableException.
    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ApiUnreachableException(BaseAddress, Reason(ex), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApiUnreachableException(BaseAddress, $"no answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new CliException(SendsToken
                ? $"the cluster at {BaseAddress.ToString().TrimEnd('/')} refused the token: check HYPERTUNE_TOKEN or --token"
                : "the cluster needs a token: set HYPERTUNE_TOKEN or pass --token");
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemDetailsException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private static string Reason(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.Message;
            }
        }

        return exception.Message;
    }
}
