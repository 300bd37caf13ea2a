using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Plateau;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Schedulers.Plateau;

public sealed class PlateauSchedulerTests
{
    private static PlateauScheduler Create(PlateauSchedulerOptions options) =>
        Assert.IsType<PlateauScheduler>(SchedulerFactory.Create(SchedulerScript.Spec("plateau", options, maxEpochs: 50) with { Objective = ObjectiveSpec.For("val_loss") }));

    private static List<(int Epoch, double Factor)> Decays(ITrialScheduler scheduler, double[] losses, double learningRate = 1e-3)
    {
        scheduler.OnTrialAdded("t", SchedulerScript.Config(learningRate));
        var decays = new List<(int, double)>();
        for (var epoch = 1; epoch <= losses.Length; epoch++)
        {
            var decision = scheduler.OnTrialResult("t", epoch, SchedulerScript.Loss(losses[epoch - 1]));
            Assert.IsNotType<PruneDecision>(decision);
            if (decision is DecayLearningRateDecision decay)
            {
                decays.Add((epoch, decay.Factor));
            }
        }

        return decays;
    }

    [Fact]
    public void OnTrialResult_StallLongerThanPatience_DecaysByFactor()
    {
        // Improves at 1 and 2; epochs 3, 4 are within patience 2; the third bad epoch (5) decays, then 6, 7, 8 again.
        var decays = Decays(Create(new PlateauSchedulerOptions { Patience = 2 }), [1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);

        Assert.Equal([(5, 0.5), (8, 0.5)], decays);
    }

    [Fact]
    public void OnTrialResult_Cooldown_SkipsBadEpochsAfterADecay()
    {
        var decays = Decays(Create(new PlateauSchedulerOptions { Patience = 2, Cooldown = 1 }), [1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);

        Assert.Equal([(5, 0.5), (9, 0.5)], decays);
    }

    [Fact]
    public void OnTrialResult_ImprovementSmallerThanThreshold_CountsAsBad()
    {
        var decays = Decays(Create(new PlateauSchedulerOptions { Patience = 1, Threshold = 0.01 }), [1.0, 0.995, 0.99, 0.5]);

        Assert.Equal([(3, 0.5)], decays);
    }

    [Fact]
    public void OnTrialResult_MinLr_ShortensLastDecayThenStops()
    {
        var scheduler = Create(new PlateauSchedulerOptions { Patience = 0, MinLr = 4e-4 });

        var decays = Decays(scheduler, [1.0, 1.0, 1.0, 1.0]);

        Assert.Equal(2, decays.Count);
        Assert.Equal(0.5, decays[0].Factor, 12);
        Assert.Equal(0.8, decays[1].Factor, 12);
        Assert.Equal(4e-4, scheduler.StateOf("t")!.LearningRate, 15);
    }

    [Fact]
    public void OnTrialResult_NaNLoss_NeverPrunesAndCountsAsNoImprovement()
    {
        var decays = Decays(Create(new PlateauSchedulerOptions { Patience = 1 }), [1.0, double.NaN, double.NaN]);

        Assert.Equal([(3, 0.5)], decays);
    }

    [Theory]
    [InlineData("""{"factor": 1.5}""", "$.scheduler.factor")]
    [InlineData("""{"patience": -1}""", "$.scheduler.patience")]
    [InlineData("""{"min_lr": -1}""", "$.scheduler.min_lr")]
    public void Validate_BadOptions_ErrorAtOptionPath(string options, string path)
    {
        var json = TestSpecs.Json("{}", extra: $$""", "scheduler": {"kind": "plateau", {{options.TrimStart('{')}}""");

        Assert.Contains(StudySpecParser.Parse(json).Errors, e => e.Path == path);
    }
}
