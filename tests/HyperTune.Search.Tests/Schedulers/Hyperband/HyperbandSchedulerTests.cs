using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Hyperband;

namespace HyperTune.Search.Tests.Schedulers.Hyperband;

public sealed class HyperbandSchedulerTests
{
    private static HyperbandScheduler Create(int maxEpochs = 9) =>
        Assert.IsType<HyperbandScheduler>(SchedulerFactory.Create(SchedulerScript.Spec("hyperband", new HyperbandSchedulerOptions { ReductionFactor = 3 }, maxEpochs)));

    [Fact]
    public void Create_Eta3Max9_ThreeBracketsWithHyperbandSizes()
    {
        var scheduler = Create();

        Assert.Equal([9, 5, 3], scheduler.Weights);
        Assert.Equal([1, 3], scheduler.Rungs[0]);
        Assert.Equal([3], scheduler.Rungs[1]);
        Assert.Empty(scheduler.Rungs[2]);
    }

    [Fact]
    public void BracketOf_17Trials_SplitLikeWeightsAndInterleaved()
    {
        var scheduler = Create();
        for (var i = 0; i < 17; i++)
        {
            scheduler.OnTrialAdded($"t{i}", Search.Values.TrialConfig.Empty);
        }

        var brackets = scheduler.Trials.Select(scheduler.BracketOf).ToList();

        Assert.Equal(9, brackets.Count(b => b == 0));
        Assert.Equal(5, brackets.Count(b => b == 1));
        Assert.Equal(3, brackets.Count(b => b == 2));
        Assert.Equal(3, brackets.Take(6).Distinct().Count());
    }

    [Fact]
    public void OnTrialResult_PoorTrialInLastBracket_NeverPruned()
    {
        var scheduler = Create();
        var curves = new Dictionary<string, double[]>();
        for (var i = 0; i < 17; i++)
        {
            curves[$"t{i}"] = [.. Enumerable.Repeat(i % 3 == 0 ? 0.1 : 0.9, 9)];
        }

        var pruned = SchedulerScript.Run(scheduler, curves).Select(d => d.Split('@')[0]).ToHashSet();

        var lastBracket = scheduler.Trials.Where(t => scheduler.BracketOf(t) == 2).Select(t => t.Id).ToList();
        Assert.Contains("t3", lastBracket); // a poor one
        Assert.DoesNotContain(lastBracket, pruned.Contains);
        Assert.Equal(["t12", "t15", "t6", "t9"], pruned.Order(StringComparer.Ordinal));
    }
}
