using System.Collections.Concurrent;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Tests;

/// <summary>A client-side study observer that records what it hears and lets a test await conditions on it.</summary>
internal sealed class StudyWatcher : IStudyObserver, IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentQueue<TrialEpochReport> _reports = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _gate = new();
    private IStudyGrain? _study;
    private IStudyObserver? _reference;

    public IReadOnlyCollection<TrialEpochReport> Reports => _reports;

    public StudySnapshot? LastStudy { get; private set; }

    public static async Task<StudyWatcher> WatchAsync(IClusterClient client, IStudyGrain study)
    {
        var watcher = new StudyWatcher { _study = study };
        watcher._reference = client.CreateObjectReference<IStudyObserver>(watcher);
        await study.SubscribeAsync(watcher._reference);
        return watcher;
    }

    /// <summary>Completes once <paramref name="condition"/> holds after some notification; fails after two minutes.</summary>
    public Task WaitUntilAsync(Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(Timeout);
    }

    public Task WaitForEndAsync() => WaitUntilAsync(() => LastStudy?.State.IsFinished() == true);

    public Task OnTrialEpochAsync(TrialEpochReport report)
    {
        _reports.Enqueue(report);
        Check();
        return Task.CompletedTask;
    }

    public Task OnTrialChangedAsync(TrialSnapshot trial)
    {
        Check();
        return Task.CompletedTask;
    }

    public Task OnStudyChangedAsync(StudySnapshot study)
    {
        lock (_gate)
        {
            // Notifications may arrive out of order: keep the newest snapshot.
            if (LastStudy is null || study.Version > LastStudy.Version)
            {
                LastStudy = study;
            }
        }

        Check();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_study is not null && _reference is not null)
        {
            await _study.UnsubscribeAsync(_reference);
        }
    }

    private void Check()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToArray())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
