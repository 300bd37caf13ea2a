using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Ledger;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Grains.Tests.Studies.Ledger;

/// <summary>The book of a study's trials: reports applied, counts kept, pages cut.</summary>
public sealed class StudyLedgerTests
{
    private static readonly ObjectiveSpec Objective = ObjectiveSpec.Default; // minimize val_loss

    private static TrialSnapshot Pending(int number) => new(
        TrialIds.Of("s", number), "s", number, TrialState.Pending, null, TrialConfig.Empty, 0, 10,
        ImmutableDictionary<string, double>.Empty, double.NaN, string.Empty, null, null, 0);

    private static TrialEpochReport Epoch(int number, int epoch, double loss) => new(
        "s", TrialIds.Of("s", number), new EpochMetrics(epoch, epoch, ImmutableDictionary<string, double>.Empty.Add("val_loss", loss), 0.1, 0.1, DateTimeOffset.UnixEpoch), [], "silo-a");

    private static StudyLedger WithTrials(int count)
    {
        var ledger = new StudyLedger(Objective);
        for (var i = 1; i <= count; i++)
        {
            ledger.Add(Pending(i), StudyHarness.SiloA);
        }

        return ledger;
    }

    [Fact]
    public void Add_OutOfOrder_KeepsTheTrialsByNumber_AndRefusesATakenNumber()
    {
        var ledger = WithTrials(2);

        ledger.Add(Pending(5), StudyHarness.SiloA);
        ledger.Add(Pending(3), StudyHarness.SiloA);

        Assert.Equal([1, 2, 3, 5], ledger.Trials.Select(t => t.Number));
        Assert.Equal(6, ledger.NextNumber);
        Assert.Throws<InvalidOperationException>(() => ledger.Add(Pending(2), StudyHarness.SiloA));
    }

    [Fact]
    public void ApplyEpoch_TracksTheBestAndMovesTheSnapshotOnlyForward()
    {
        var ledger = WithTrials(2);

        Assert.True(ledger.ApplyEpoch(Epoch(1, 2, 0.5)));
        Assert.False(ledger.ApplyEpoch(Epoch(2, 1, 0.7)));
        Assert.False(ledger.ApplyEpoch(Epoch(1, 1, 0.9)));
        Assert.Null(ledger.ApplyEpoch(Epoch(9, 1, 0.1)));

        Assert.Equal(("s-0001", 2, 0.5), (ledger.Best!.TrialId, ledger.Best.Epoch, ledger.Best.Value));
        Assert.Equal(2, ledger.Find("s-0001")!.Snapshot.Epoch);
    }

    [Fact]
    public void ApplyChanged_FromBeforeTheSlotAfterOneFromAfter_IsIgnored()
    {
        var ledger = WithTrials(1);
        var running = Pending(1) with { State = TrialState.Running, StartedAt = DateTimeOffset.UnixEpoch };
        Assert.NotNull(ledger.ApplyChanged(running));

        Assert.Null(ledger.ApplyChanged(Pending(1)));
        Assert.Equal(TrialState.Running, ledger.Find("s-0001")!.Snapshot.State);
    }

    [Fact]
    public void ApplyChanged_FromAnEarlierAttempt_IsIgnored_AndKeepsKnownEpochs()
    {
        var ledger = WithTrials(1);
        ledger.ApplyEpoch(Epoch(1, 4, 0.5));
        var trial = ledger.Find("s-0001")!;
        ledger.Replace(trial, trial.Snapshot with { Attempt = 1, State = TrialState.Running });

        Assert.Null(ledger.ApplyChanged(Pending(1) with { State = TrialState.Paused }));
        var paused = ledger.ApplyChanged(Pending(1) with { State = TrialState.Paused, Attempt = 1, StartedAt = DateTimeOffset.UnixEpoch, Epoch = 2 });
        Assert.Equal((TrialState.Paused, 4), (paused!.State, paused.Epoch));
    }

    [Fact]
    public void Counts_FollowEveryChange_AndTheUnfinishedSetShrinks()
    {
        var ledger = WithTrials(3);
        var first = ledger.Find("s-0001")!;
        ledger.Replace(first, first.Snapshot with { State = TrialState.Running });
        ledger.Finish(ledger.Find("s-0002")!, new TrialEnded("s", "s-0002", TrialState.Completed, null, 3, ImmutableDictionary<string, double>.Empty, 1, DateTimeOffset.UnixEpoch, 0, "silo-a"));

        Assert.Equal((1, 1, 1), (ledger.Counts.Of(TrialState.Pending), ledger.Counts.Of(TrialState.Running), ledger.Counts.Of(TrialState.Completed)));
        Assert.Equal(["s-0001", "s-0003"], ledger.Unfinished.Select(t => t.TrialId));
        Assert.Null(ledger.Find("s-0002")!.Placement);
    }

    [Fact]
    public void TakeDirty_GivesEachChangedTrialOnce()
    {
        var ledger = WithTrials(3);
        ledger.TakeDirty();

        ledger.ApplyEpoch(Epoch(3, 1, 0.4));
        ledger.ApplyEpoch(Epoch(3, 2, 0.3));
        ledger.MarkDirty("s-0001");
        ledger.MarkDirty("s-0404");

        Assert.Equal(["s-0001", "s-0003"], ledger.TakeDirty().Select(t => t.TrialId));
        Assert.Empty(ledger.TakeDirty());
    }

    [Fact]
    public void Page_ByNumberWithState_CountsTheStateAndSkips()
    {
        var ledger = WithTrials(10);
        foreach (var number in new[] { 2, 4, 6, 8 })
        {
            var trial = ledger.Find(TrialIds.Of("s", number))!;
            ledger.Replace(trial, trial.Snapshot with { State = TrialState.Running });
        }

        var page = ledger.Page(new TrialPageQuery(1, 2, [TrialState.Running]));

        Assert.Equal(4, page.Total);
        Assert.Equal([4, 6], page.Trials.Select(t => t.Number));
        Assert.Empty(ledger.Page(new TrialPageQuery(50, 10, [])).Trials);
        Assert.Equal([10, 9], ledger.Page(new TrialPageQuery(0, 2, [], Descending: true)).Trials.Select(t => t.Number));
    }

    [Fact]
    public void Page_ByObjective_OfManyTrials_EqualsAFullSort_WithoutValuesLast()
    {
        var ledger = WithTrials(5_000);
        var random = new Random(7);
        for (var number = 1; number <= 5_000; number++)
        {
            if (number % 10 != 0)
            {
                ledger.ApplyEpoch(Epoch(number, 1, Math.Round(random.NextDouble(), 2)));
            }
        }

        var expected = ledger.Trials.Select(t => t.Snapshot)
            .OrderBy(t => t.Metrics.TryGetValue("val_loss", out var v) ? v : double.PositiveInfinity)
            .ThenBy(t => t.Number)
            .Select(t => t.Number)
            .ToArray();

        for (var offset = 0; offset < 5_000; offset += 997)
        {
            var page = ledger.Page(new TrialPageQuery(offset, 50, [], TrialSortKey.Objective));
            Assert.Equal(expected.Skip(offset).Take(50), page.Trials.Select(t => t.Number));
        }
    }
}
