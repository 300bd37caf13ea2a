using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// Uses the Coordinator's REST API the whole time a test runs, as a client would: one request at a time, one started
/// every <see cref="Interval"/> (or as soon as the one before answers, when it is slower) — listing the studies, and
/// every <see cref="CreateEvery"/>th request creating a small study — and records when each was sent and how it ended.
/// </summary>
public sealed class ApiProbe : IAsyncDisposable
{
    /// <summary>The pace of requests.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Every how many requests one creates a study.</summary>
    public const int CreateEvery = 5;

    private readonly HttpClient _http;
    private readonly string _createSpec;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly Task _loop;

    /// <summary>Starts probing the Coordinator at <paramref name="coordinator"/>; times are read on <paramref name="clock"/>.</summary>
    public ApiProbe(Uri coordinator, Stopwatch clock, string createSpec)
    {
        // Longer than the Orleans client's 30 s response timeout, so a slow answer is seen as what it is.
        _http = new HttpClient { BaseAddress = coordinator, Timeout = TimeSpan.FromSeconds(40) };
        (Clock, _createSpec) = (clock, createSpec);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The clock calls are timed on.</summary>
    public Stopwatch Clock { get; }

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ApiCall> Calls => [.. _calls];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var pace = new PeriodicTimer(Interval);
        for (var i = 1; !_stop.IsCancellationRequested; i++)
        {
            var create = i % CreateEvery == 0;
            var started = Clock.Elapsed;
            int status;
            try
            {
                using var response = create
                    ? await _http.PostAsync("/api/studies", new StringContent(_createSpec, Encoding.UTF8, "application/json"), _stop.Token)
                    : await _http.GetAsync("/api/studies", _stop.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            _calls.Enqueue(new ApiCall(create ? "create" : "list", started, Clock.Elapsed, status));
            try
            {
                await pace.WaitForNextTickAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
