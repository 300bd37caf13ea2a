using System.Collections.Concurrent;
using HyperTune.Coordinator.Diagnostics;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Keeps a page's <see cref="StudyLiveModel"/> up to date: one task reads the study's changes into a queue as they come;
/// a timer, at most once per <see cref="DashboardOptions.RefreshInterval"/>, applies whatever queued on the page's
/// dispatcher and asks the page to render once. So a burst of reports (200 trials reporting at once) costs one render,
/// and an epoch shows within one interval of its report. Once subscribed, a study page's feed reads every trial's summary;
/// curves (epoch histories) are read only for the trials the page asks for (<see cref="WantCurves"/>) — or, while the
/// study is small, for all — so a page of a huge study never holds every curve.
/// </summary>
internal sealed class LiveStudyFeed : IAsyncDisposable
{
    private readonly IStudyLiveSource _source;
    private readonly Func<Action, Task> _onDispatcher;
    private readonly Action _changed;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly LiveFeedMode _mode;
    private readonly int _allCurvesUpTo;
    private readonly ConcurrentQueue<object> _pending = new();
    private readonly HashSet<string> _fetching = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Task _applying = Task.CompletedTask;
    private volatile bool _readerDone;
    private int _loads;

    public LiveStudyFeed(IStudyLiveSource source, string studyId, Func<Action, Task> onDispatcher, Action changed, TimeSpan interval, ILogger logger,
        LiveFeedMode mode = LiveFeedMode.Study, int allCurvesUpTo = 200)
    {
        _source = source;
        _onDispatcher = onDispatcher;
        _changed = changed;
        _interval = interval;
        _logger = logger;
        _mode = mode;
        _allCurvesUpTo = allCurvesUpTo;
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

    /// <summary>
    /// Holds the curves of <paramref name="trialIds"/> and reads the histories of those not read yet; call on the page's
    /// dispatcher. Epochs reported from now on are kept, and the history read after covers the ones before.
    /// </summary>
    public void WantCurves(IEnumerable<string> trialIds)
    {
        var missing = Model.Hold(trialIds).Where(_fetching.Add).ToList();
        if (missing.Count > 0)
        {
            // Off the dispatcher: the read and its drain never run inside the caller's turn.
            var stop = _stop.Token;
            _ = Task.Run(() => FetchAsync(missing, stop), CancellationToken.None);
        }
    }

    /// <summary>Forgets the curves of held trials but <paramref name="keep"/>; call on the page's dispatcher.</summary>
    public void ReleaseCurves(IReadOnlySet<string> keep) => Model.Release(keep);

    private async Task FetchAsync(List<string> trialIds, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        try
        {
            foreach (var history in await _source.GetHistoriesAsync(Model.StudyId, trialIds, cancellationToken))
            {
                _pending.Enqueue(history);
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
            _pending.Enqueue(new Fetched(trialIds));
            Interlocked.Decrement(ref _loads);
        }

        await DrainNowAsync(cancellationToken);
    }

    private async Task LoadSummariesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        try
        {
            _pending.Enqueue(await _source.GetTrialsAsync(Model.StudyId, cancellationToken));
            await DrainNowAsync(cancellationToken);
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
            Interlocked.Decrement(ref _loads);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Task loading = Task.CompletedTask;
        try
        {
            var first = true;
            await foreach (var change in _source.WatchAsync(Model.StudyId, cancellationToken))
            {
                _pending.Enqueue(change);
                if (first && _mode == LiveFeedMode.Study)
                {
                    // Subscribed: summaries read from now on miss nothing.
                    loading = LoadSummariesAsync(cancellationToken);
                }

                first = false;
            }

            await loading;
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
            // Runs on after the end: curves the page asks for later still arrive.
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Read before draining: whatever came before the end is in the queue.
                var done = !Ended && _readerDone && Volatile.Read(ref _loads) == 0;
                if (!_pending.IsEmpty || done)
                {
                    await DrainAsync(done);
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

    /// <summary>Applies what queued, on the page's dispatcher, and asks for one render if anything changed.</summary>
    private Task DrainAsync(bool done = false) => _onDispatcher(() =>
    {
        var changed = false;
        while (_pending.TryDequeue(out var change))
        {
            changed |= Take(change);
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

    /// <summary>
    /// Applies what a read the page waits for (summaries, curves) brought at once, not at the next tick: the page asked
    /// for it, and it comes once.
    /// </summary>
    private async Task DrainNowAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await DrainAsync();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away.
        }
    }

    private bool Take(object change)
    {
        if (change is Fetched fetched)
        {
            _fetching.ExceptWith(fetched.TrialIds);
            return false;
        }

        var changed = Model.Apply(change);
        if (change is IReadOnlyList<TrialSummary> summaries && _mode == LiveFeedMode.Study && summaries.Count <= _allCurvesUpTo)
        {
            // A small study: every curve, those of trials still to come included.
            Model.HoldAllCurves(true);
            WantCurves(summaries.Select(s => s.Snapshot.TrialId));
        }
        else if (Model.HoldAll && Model.Trials.Count > _allCurvesUpTo)
        {
            // It grew: from now on the page chooses (and releases) the curves it holds.
            Model.HoldAllCurves(false);
        }

        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_reading, _applying).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>A fetch of histories ended (its results, if any, are queued before it).</summary>
    private sealed record Fetched(IReadOnlyList<string> TrialIds);
}
