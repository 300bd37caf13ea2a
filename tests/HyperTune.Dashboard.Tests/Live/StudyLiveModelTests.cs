using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;

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

    private static TrialEpochReport Report(int epoch, params LearningRateChange[] changes) => new("s", "s-0001", Epoch(epoch), [.. changes], "silo");

    private static EpochMetrics Epoch(int epoch) =>
        new(epoch, epoch * 3, ImmutableDictionary<string, double>.Empty.Add("val_loss", 1.0 / epoch), 0.05, 0.01, DateTimeOffset.UnixEpoch);

    private static StudySnapshot Study(StudyState state, long version) => new("s", "s", state, null, "val_loss", false, 1, 1,
        ImmutableDictionary<TrialState, int>.Empty, null, DateTimeOffset.UnixEpoch, null, "{}", version);
}
