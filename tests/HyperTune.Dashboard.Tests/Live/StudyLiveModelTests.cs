using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class StudyLiveModelTests
{
    [Fact]
    public void Apply_EpochsOutOfOrderAndTwice_KeepsEachOnceInOrder()
    {
        var model = new StudyLiveModel("s");
        model.HoldAllCurves(true);
        model.Apply(Report(2));
        model.Apply(Report(1, new LearningRateChange(1, 3, 0.1, 0.05, "user", "decay")));
        model.Apply(Report(2));
        model.Apply(new StudyHistory("s", [new TrialHistory("s-0001", [Epoch(1), Epoch(3)], [new LearningRateChange(1, 3, 0.1, 0.05, "user", "decay")], [])]));

        var trial = Assert.Single(model.Trials);
        Assert.Equal([1, 2, 3], trial.Epochs.Select(e => e.Epoch));
        Assert.Single(trial.LearningRateChanges);
    }

    [Fact]
    public void Apply_SameEpochAgain_DoesNotChangeTheVersion()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Report(1));
        var version = model.Trials[0].Version;

        Assert.False(model.Apply(Report(1)));
        Assert.Equal(version, model.Trials[0].Version);
    }

    [Fact]
    public void Apply_OlderStudySnapshot_KeepsTheNewer()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Study(StudyState.Completed, version: 5));
        model.Apply(Study(StudyState.Running, version: 4));

        Assert.Equal(StudyState.Completed, model.Study!.State);
    }

    [Fact]
    public void Apply_TrialNotHeld_KeepsItsLatestEpochAndBestButNoCurve()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Study(StudyState.Running, 1));
        model.Apply(Report(1, loss: 0.5));
        model.Apply(Report(2, loss: 0.7));

        var trial = model.Trials[0];
        Assert.Empty(trial.Epochs);
        Assert.Equal(2, trial.Epoch);
        Assert.Equal(0.7, trial.Latest("val_loss"));
        Assert.Equal((0.5, 1), (trial.Objective, trial.ObjectiveEpoch)); // minimize val_loss
    }

    [Fact]
    public void Hold_ThenRelease_KeepsEpochsWhileHeldAndForgetsThemAfter()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Report(1));

        Assert.Equal(["s-0001"], model.Hold(["s-0001"]));
        model.Apply(Report(2));
        model.Apply(new TrialHistory("s-0001", [Epoch(1), Epoch(2)], [], []));
        Assert.Empty(model.Hold(["s-0001"])); // loaded now
        Assert.Equal([1, 2], model.Trials[0].Epochs.Select(e => e.Epoch));

        Assert.Equal(1, model.Release(new HashSet<string>()));
        Assert.Empty(model.Trials[0].Epochs);
        Assert.False(model.Trials[0].CurveLoaded);
    }

    [Fact]
    public void Apply_Summaries_SetBestValuesAndRaiseTheResultsVersion()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Study(StudyState.Running, 1));
        var before = model.ResultsVersion;

        model.Apply((IReadOnlyList<TrialSummary>)[new TrialSummary(Snapshot(1), 0.25, 7)]);

        Assert.True(model.SummariesLoaded);
        Assert.True(model.ResultsVersion > before);
        Assert.Equal((0.25, 7), (model.Trials[0].Objective, model.Trials[0].ObjectiveEpoch));
    }

    [Fact]
    public void Apply_EpochThatIsNotABest_LeavesTheResultsVersion()
    {
        var model = new StudyLiveModel("s");
        model.Apply(Study(StudyState.Running, 1));
        model.Apply(Report(1, loss: 0.5));
        var version = model.ResultsVersion;

        model.Apply(Report(2, loss: 0.9));

        Assert.Equal(version, model.ResultsVersion);
    }

    private static TrialEpochReport Report(int epoch, params LearningRateChange[] changes) => new("s", "s-0001", Epoch(epoch), [.. changes], "silo");

    private static TrialEpochReport Report(int epoch, double loss) => new("s", "s-0001", Epoch(epoch, loss), [], "silo");

    private static EpochMetrics Epoch(int epoch, double? loss = null) =>
        new(epoch, epoch * 3, ImmutableDictionary<string, double>.Empty.Add("val_loss", loss ?? 1.0 / epoch), 0.05, 0.01, DateTimeOffset.UnixEpoch);

    private static TrialSnapshot Snapshot(int n) => new($"s-{n:D4}", "s", n, TrialState.Running, null, TrialConfig.Empty, 0, 10,
        ImmutableDictionary<string, double>.Empty, double.NaN, "silo", null, null, 0);

    private static StudySnapshot Study(StudyState state, long version) => new("s", "s", state, null, "val_loss", false, 1, 1,
        ImmutableDictionary<TrialState, int>.Empty, null, DateTimeOffset.UnixEpoch, null, "{}", version);
}
