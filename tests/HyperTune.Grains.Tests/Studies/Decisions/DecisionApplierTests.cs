using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;

namespace HyperTune.Grains.Tests.Studies.Decisions;

/// <summary>How a study carries out its scheduler's decisions.</summary>
public sealed class DecisionApplierTests
{
    private const string Median = """, "scheduler": {"kind": "median", "grace_period": 1, "min_samples": 1}""";

    private static StudyHarness TwoRunningTrials()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 2, concurrency: 2, epochs: 10, extra: Median));
        study.LaunchAll();
        study.Began("s-0001");
        study.Began("s-0002");
        study.Take();
        return study;
    }

    [Fact]
    public void TrialWorseThanTheMedian_IsStoppedAsPruned_AndGetsNoSecondDecision()
    {
        var study = TwoRunningTrials();
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            study.Epoch("s-0001", epoch, 0.1);
        }

        study.End("s-0001", TrialState.Completed, 3);
        study.Take();

        study.Epoch("s-0002", 1, 5.0);
        study.Epoch("s-0002", 2, 5.0);
        var decided = study.Take().OfType<CommandTrialsEffect>().ToArray();
        study.Epoch("s-0002", 3, 5.0);

        var prune = Assert.Single(decided);
        Assert.True(prune.ReportBack);
        Assert.Equal(["s-0002"], prune.TrialIds.ToArray());
        Assert.True(Assert.IsType<StopTrial>(prune.Command).Pruned);
        Assert.Empty(study.Take().OfType<CommandTrialsEffect>());
    }

    [Fact]
    public void PrunedTrialThatAnswered_StaysDecided()
    {
        var study = TwoRunningTrials();
        study.Epoch("s-0001", 1, 0.1);
        study.Epoch("s-0001", 2, 0.1);
        study.End("s-0001", TrialState.Completed, 2);
        study.Epoch("s-0002", 1, 9.0);
        study.Epoch("s-0002", 2, 9.0);
        var prune = study.Take().OfType<CommandTrialsEffect>().Single();

        study.Core.OnCommandReturned("s-0002", prune.Command, CommandResult.Ok);
        study.Epoch("s-0002", 3, 9.0);

        Assert.Empty(study.Take().OfType<CommandTrialsEffect>());
    }

    [Fact]
    public void PausedStudy_TakesNoDecisions()
    {
        var study = TwoRunningTrials();
        study.Epoch("s-0001", 1, 0.1);
        study.Epoch("s-0001", 2, 0.1);
        study.End("s-0001", TrialState.Completed, 2);
        study.Core.Pause();
        study.Take();

        study.Epoch("s-0002", 1, 9.0);
        study.Epoch("s-0002", 2, 9.0);

        Assert.Empty(study.Take().OfType<CommandTrialsEffect>());
    }

    [Fact]
    public void Epoch_OfAnUnknownTrial_IsIgnored()
    {
        var study = TwoRunningTrials();

        study.Epoch("s-9999", 1, 0.1);

        Assert.Empty(study.Take());
    }
}
