using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Search.Values;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class LiveStudyFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task StudyFeed_SmallStudy_ReadsSummariesThenEveryCurve()
    {
        var source = new FakeSource(trials: 3);
        await using var page = new Page(source, LiveFeedMode.Study, allCurvesUpTo: 10);

        await page.WaitAsync(m => m.SummariesLoaded && m.Trials.All(t => t.CurveLoaded));

        page.Read(m =>
        {
            Assert.True(m.HoldAll);
            Assert.All(m.Trials, t => Assert.Equal(4, t.Epochs.Count));
            Assert.Equal(0.4, m.Trials[0].Objective, 9);
        });
        Assert.Equal(1, source.SummaryReads);
    }

    [Fact]
    public async Task StudyFeed_BigStudy_ReadsOnlyTheCurvesThePageWantsEvenAfterTheStudyEnded()
    {
        var source = new FakeSource(trials: 30);
        await using var page = new Page(source, LiveFeedMode.Study, allCurvesUpTo: 10);
        await page.WaitAsync(m => m.SummariesLoaded);
        source.End();
        await page.WaitAsync(_ => page.Feed.Ended);

        page.Read(_ => page.Feed.WantCurves(["s-0007"]));
        await page.WaitAsync(m => m.Find("s-0007")!.CurveLoaded);

        page.Read(m =>
        {
            Assert.False(m.HoldAll);
            Assert.Equal(4, m.Find("s-0007")!.Epochs.Count);
            Assert.Equal(1, m.Trials.Count(t => t.HoldsCurve));
        });
        Assert.Equal(["s-0007"], source.HistoryReads);
    }

    [Fact]
    public async Task WantCurves_EpochReportedWhileItsHistoryIsRead_LeavesNoGap()
    {
        var source = new FakeSource(trials: 30) { HoldHistories = true };
        await using var page = new Page(source, LiveFeedMode.Study, allCurvesUpTo: 10);
        await page.WaitAsync(m => m.SummariesLoaded);

        page.Read(_ => page.Feed.WantCurves(["s-0002"]));
        await source.HistoryAsked.Task;
        source.Report("s-0002", 5); // after the history was read, before it arrived
        source.ReleaseHistories();
        await page.WaitAsync(m => m.Find("s-0002")!.Epochs.Count == 5);

        page.Read(m => Assert.Equal([1, 2, 3, 4, 5], m.Find("s-0002")!.Epochs.Select(e => e.Epoch)));
    }

    /// <summary>A page: the feed with a dispatcher (a lock) and a signal on every render.</summary>
    private sealed class Page : IAsyncDisposable
    {
        private readonly Lock _dispatcher = new();
        private readonly Channel<bool> _renders = Channel.CreateUnbounded<bool>();

        public Page(IStudyLiveSource source, LiveFeedMode mode, int allCurvesUpTo)
        {
            Feed = new LiveStudyFeed(source, "s", action =>
            {
                lock (_dispatcher)
                {
                    action();
                }

                return Task.CompletedTask;
            }, () => _renders.Writer.TryWrite(true), Interval, NullLogger.Instance, mode, allCurvesUpTo);
            Feed.Start();
        }

        public LiveStudyFeed Feed { get; }

        public void Read(Action<StudyLiveModel> read)
        {
            lock (_dispatcher)
            {
                read(Feed.Model);
            }
        }

        public async Task WaitAsync(Func<StudyLiveModel, bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                lock (_dispatcher)
                {
                    if (condition(Feed.Model))
                    {
                        return;
                    }
                }

                await _renders.Reader.ReadAsync(timeout.Token);
            }
        }

        public ValueTask DisposeAsync() => Feed.DisposeAsync();
    }

    private sealed class FakeSource(int trials) : IStudyLiveSource
    {
        private readonly Channel<object> _changes = Channel.CreateUnbounded<object>();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _summaryReads;

        public bool HoldHistories { get; init; }

        public TaskCompletionSource HistoryAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int SummaryReads => _summaryReads;

        public List<string> HistoryReads { get; } = [];

        public Task<StudySnapshot?> GetStudyAsync(string studyId) => Task.FromResult<StudySnapshot?>(Study);

        public async IAsyncEnumerable<object> WatchAsync(string studyId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return Study;
            await foreach (var change in _changes.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }

        public Task<IReadOnlyList<TrialSummary>> GetTrialsAsync(string studyId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _summaryReads);
            return Task.FromResult<IReadOnlyList<TrialSummary>>([.. Enumerable.Range(1, trials).Select(n => new TrialSummary(Snapshot(n), 0.4, 4))]);
        }

        public async Task<IReadOnlyList<TrialHistory>> GetHistoriesAsync(string studyId, IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
        {
            lock (HistoryReads)
            {
                HistoryReads.AddRange(trialIds);
            }

            var histories = trialIds.Select(id => new TrialHistory(id, [.. Enumerable.Range(1, 4).Select(Epoch)], [], [])).ToList();
            HistoryAsked.TrySetResult();
            if (HoldHistories)
            {
                await _release.Task;
            }

            return histories;
        }

        public void Report(string trialId, int epoch) => _changes.Writer.TryWrite(new TrialEpochReport("s", trialId, Epoch(epoch), [], "silo"));

        public void ReleaseHistories() => _release.TrySetResult();

        public void End() => _changes.Writer.TryComplete();

        private static StudySnapshot Study { get; } = new("s", "s", StudyState.Running, null, "val_loss", false, 30, 30,
            ImmutableDictionary<TrialState, int>.Empty, null, DateTimeOffset.UnixEpoch, null, "{}", 1);

        private static TrialSnapshot Snapshot(int n) => new($"s-{n:D4}", "s", n, TrialState.Running, null, TrialConfig.Empty, 4, 10,
            ImmutableDictionary<string, double>.Empty, 0.1, "silo", null, null, 0);

        private static EpochMetrics Epoch(int epoch) =>
            new(epoch, epoch, ImmutableDictionary<string, double>.Empty.Add("val_loss", 0.4 + epoch / 100.0 - 0.01), 0.1, 0, DateTimeOffset.UnixEpoch);
    }
}
