using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Schedulers.Asha;

public sealed class AshaSchedulerTests
{
    private static AshaScheduler Create(int grace = 1, int reductionFactor = 2, int maxEpochs = 8, int brackets = 1) =>
        Assert.IsType<AshaScheduler>(SchedulerFactory.Create(SchedulerScript.Spec(
            "asha", new AshaSchedulerOptions { GracePeriod = grace, ReductionFactor = reductionFactor, Brackets = brackets }, maxEpochs)));

    [Fact]
    public void Rungs_Grace1Factor2Max8_At1And2And4()
    {
        Assert.Equal([1, 2, 4], Create().Rungs[0]);
        Assert.Equal([2, 4], Create(brackets: 2).Rungs[1]);
    }

    [Fact]
    public void OnTrialResult_ScriptedCurves_PrunesDAtRung1AndExactlyCAtRung2()
    {
        var curves = new Dictionary<string, double[]>
        {
            ["a"] = [0.50, 0.55, 0.60, 0.70, 0.75],
            ["b"] = [0.60, 0.80, 0.85, 0.90, 0.92],
            ["c"] = [0.70, 0.60, 0.90, 0.95, 0.97],
            ["d"] = [0.40, 0.99, 0.99, 0.99, 0.99],
        };

        var decisions = SchedulerScript.Run(Create(), curves);

        // Rung 1: a first (goes on), b ≥ 0.5, c ≥ 0.55, d 0.4 < 0.6 (median of a, b, c) → pruned.
        // Rung 2: a first, b ≥ 0.55, c 0.60 < 0.675 (the 1/2 quantile of a 0.55, b 0.80) → pruned.
        // Rung 4: a first, b 0.90 ≥ 0.70 → goes on.
        Assert.Equal(["d@1:Prune", "c@2:Prune"], decisions);
    }

    [Fact]
    public void Recorded_ScriptedCurves_EveryScoreAtTheRungAscending()
    {
        var scheduler = Create();
        SchedulerScript.Run(scheduler, new Dictionary<string, double[]> { ["a"] = [0.5, 0.55], ["b"] = [0.6, 0.8], ["c"] = [0.7, 0.6], ["d"] = [0.4] });

        Assert.Equal([0.4, 0.5, 0.6, 0.7], scheduler.Recorded(0, 0));
        Assert.Equal([0.55, 0.6, 0.8], scheduler.Recorded(0, 1));
        Assert.Empty(scheduler.Recorded(0, 2));
    }

    [Fact]
    public void OnTrialResult_Minimize_LowerLossSurvives()
    {
        var spec = SchedulerScript.Spec("asha", new AshaSchedulerOptions { GracePeriod = 2, ReductionFactor = 2 }) with { Objective = ObjectiveSpec.For("val_loss") };
        var scheduler = SchedulerFactory.Create(spec);
        var curves = new Dictionary<string, double[]> { ["low"] = [1.0, 0.5], ["high"] = [1.0, 0.9] };

        Assert.Equal(["high@2:Prune"], SchedulerScript.Run(scheduler, curves, SchedulerScript.Loss));
    }

    [Fact]
    public void OnTrialResult_NaNAtRung_PrunedAsWorst()
    {
        var curves = new Dictionary<string, double[]> { ["a"] = [0.1], ["b"] = [double.NaN] };

        Assert.Equal(["b@1:Prune"], SchedulerScript.Run(Create(), curves));
    }

    [Fact]
    public void OnTrialResult_AfterPrune_SamePruneAgain()
    {
        var scheduler = Create();
        SchedulerScript.Run(scheduler, new Dictionary<string, double[]> { ["a"] = [0.9], ["b"] = [0.1] });

        var again = scheduler.OnTrialResult("b", 2, SchedulerScript.Accuracy(0.99));

        Assert.IsType<PruneDecision>(again);
    }

    [Fact]
    public void OnTrialResult_TwoBrackets_RoundRobinAndSecondStartsLater()
    {
        var scheduler = Create(brackets: 2);
        var curves = new Dictionary<string, double[]> { ["a"] = [0.9, 0.9], ["b"] = [0.9, 0.9], ["c"] = [0.1, 0.1], ["d"] = [0.1, 0.1] };

        var decisions = SchedulerScript.Run(scheduler, curves);

        // a, c in bracket 0 (rungs 1, 2, 4): c pruned at 1. b, d in bracket 1 (rungs 2, 4): d pruned at 2.
        Assert.Equal(["c@1:Prune", "d@2:Prune"], decisions);
        Assert.Equal([0, 1, 0, 1], scheduler.Trials.Select(scheduler.BracketOf));
    }

    [Theory]
    [InlineData("""{"reduction_factor": 1}""", "$.scheduler.reduction_factor")]
    [InlineData("""{"grace_period": 20}""", "$.scheduler.grace_period")]
    [InlineData("""{"grace_period": 2, "max_t": 1}""", "$.scheduler.grace_period")]
    [InlineData("""{"brackets": 9}""", "$.scheduler.brackets")]
    [InlineData("""{"rungs": 9}""", "$.scheduler.rungs")]
    public void Validate_BadOptions_ErrorAtOptionPath(string options, string path)
    {
        var json = TestSpecs.Json("{}", extra: $$""", "scheduler": {"kind": "asha", {{options.TrimStart('{')}}, "budget": {"max_epochs_per_trial": 10}""");

        var errors = StudySpecParser.Parse(json).Errors;

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void Parse_AshaWithOptions_Valid()
    {
        var json = TestSpecs.Json("{}", extra: """, "scheduler": {"kind": "asha", "grace_period": 2, "reduction_factor": 3, "max_t": 9}""");

        var result = StudySpecParser.Parse(json);

        Assert.Empty(result.Errors);
        Assert.Equal([2, 6], Assert.IsType<AshaScheduler>(SchedulerFactory.Create(result.Spec!)).Rungs[0]);
    }
}
