using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>
/// Reads a study's trials through the REST API every <see cref="Interval"/> for as long as a test runs, as a client
/// would, and feeds what it reads to a <see cref="StallDetector"/>; remembers each trial's result as first seen
/// Completed, to compare with the end. A request that fails or takes longer than <see cref="RequestTimeout"/> is counted
/// and skipped (the Coordinator may be down, a silo dying).
/// </summary>
public sealed class StudyWatcher : IAsyncDisposable
{
    /// <summary>The pace of reads.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a read may take before it is given up.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly string _studyId;
    private readonly Stopwatch _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _firstCompleted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Task _loop;

    /// <summary>Starts watching <paramref name="studyId"/> on the Coordinator at <paramref name="coordinator"/>.</summary>
    public StudyWatcher(Uri coordinator, string studyId, Stopwatch clock)
    {
        _http = new HttpClient { BaseAddress = coordinator, Timeout = RequestTimeout };
        (_studyId, _clock) = (studyId, clock);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The stall detector the reads feed; read it under <see cref="Read{T}"/>.</summary>
    private StallDetector Stalls { get; } = new();

    /// <summary>Reads that failed.</summary>
    public int Failures { get; private set; }

    /// <summary>Each trial's result (epoch, end, metrics as JSON) when it was first seen Completed.</summary>
    public IReadOnlyDictionary<string, string> FirstCompleted => _firstCompleted;

    /// <summary>Looks at the stall detector while no read changes it.</summary>
    public T Read<T>(Func<StallDetector, T> look)
    {
        ArgumentNullException.ThrowIfNull(look);
        lock (_gate)
        {
            return look(Stalls);
        }
    }

    /// <summary>A completed trial's result as compared before and after: its epoch, end and metrics.</summary>
    public static string Result(JsonElement trial) =>
        $"epoch {trial.GetProperty("epoch").GetInt32()}, ended {trial.GetProperty("endedAt").GetRawText()}, metrics "
        // Sorted by name: the API writes a dictionary in no fixed order.
        + string.Join(", ", trial.GetProperty("metrics").EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => $"{m.Name}={m.Value.GetRawText()}"));

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
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await _http.GetAsync($"/api/studies/{_studyId}/trials?limit=1000", _stop.Token);
                var at = _clock.Elapsed;
                if (response.IsSuccessStatusCode)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_stop.Token));
                    var trials = body.RootElement.EnumerateArray().ToArray();
                    lock (_gate)
                    {
                        Stalls.Observe(at, trials.Select(t => new TrialProgress(
                            t.GetProperty("trialId").GetString()!, t.GetProperty("state").GetString()!, t.GetProperty("epoch").GetInt32(), t.GetProperty("attempt").GetInt32())));
                    }

                    foreach (var trial in trials.Where(t => t.GetProperty("state").GetString() == "Completed"))
                    {
                        _firstCompleted.TryAdd(trial.GetProperty("trialId").GetString()!, Result(trial));
                    }
                }
                else
                {
                    Failures++;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                Failures++;
            }

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
