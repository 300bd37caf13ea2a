using System.Collections.Concurrent;
using HyperTune.Coordinator.Diagnostics;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Keeps a page's <see cref="StudyLiveModel"/> up to date: one task reads the study's changes into a queue as they come;
/// a timer, at most once per <see cref="DashboardOptions.RefreshInterval"/>, applies whatever queued on the page's
/// dispatcher and asks the page to render once. So a burst of reports (200 trials reporting at once) costs one render,
/// and an epoch shows within one interval of its report.
/// </summary>
internal sealed class LiveStudyFeed : IAsyncDisposable
{
    private readonly IStudyLiveSource _source;
    private readonly Func<Action, Task> _onDispatcher;
    private readonly Action _changed;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<object> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Task _applying = Task.CompletedTask;
    private volatile bool _readerDone;

    public LiveStudyFeed(IStudyLiveSource source, string studyId, Func<Action, Task> onDispatcher, Action changed, TimeSpan interval, ILogger logger)
    {
        _source = source;
        _onDispatcher = onDispatcher;
        _changed = changed;
        _interval = interval;
        _logger = logger;
        Model = new StudyLiveModel(studyId);
    }

    /// <summary>The study as read so far; read and change it on the page's dispatcher only.</summary>
    public StudyLiveModel Model { get; }

    /// <summary>True once the study's changes have ended (it finished, or it does not exist) and all were applied.</summary>
    public bool Ended { get; private set; }

    /// <summary>Starts reading and applying.</summary>
    public void Start()
    {
        _reading = ReadAsync(_stop.Token);
        _applying = ApplyAsync(_stop.Token);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _source.WatchAsync(Model.StudyId, cancellationToken))
            {
                _pending.Enqueue(change);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed.
        }
        catch (Exception e)
        {
            Log.DashboardFeedFailed(_logger, Model.StudyId, e.Message);
        }
        finally
        {
            _readerDone = true;
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (!Ended && await timer.WaitForNextTickAsync(cancellationToken))
            {
                var done = _readerDone; // read before draining: whatever came before the end is in the queue
                if (!_pending.IsEmpty || done)
                {
                    await _onDispatcher(() =>
                    {
                        var changed = false;
                        while (_pending.TryDequeue(out var change))
                        {
                            changed |= Model.Apply(change);
                        }

                        if (done)
                        {
                            Ended = true;
                            changed = true;
                        }

                        if (changed)
                        {
                            _changed();
                        }
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between two ticks.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_reading, _applying).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
