using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Pbt;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Search.Tests.Schedulers.Pbt;

public sealed class PbtSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static PbtScheduler Create(PbtSchedulerOptions? options = null, TimeProvider? time = null, long seed = 42) =>
        Assert.IsType<PbtScheduler>(SchedulerFactory.Create(
            SchedulerScript.Spec("pbt", options ?? new PbtSchedulerOptions { PerturbationInterval = 2, ResampleProbability = 0 }, checkpointInterval: 2) with { Seed = seed },
            time));

    /// <summary>
    /// Four members; "bad" has a bad learning rate. Epoch 1 for all, then epoch 2 with checkpoints of the given members;
    /// the decision of "bad" at epoch 2.
    /// </summary>
    private static SchedulerDecision RunToEpoch2(PbtScheduler scheduler, params string[] checkpointed) => Epoch2(scheduler, checkpointed)["bad"];

    /// <summary>The scenario of <see cref="RunToEpoch2"/>; every member's decision at epoch 2.</summary>
    private static Dictionary<string, SchedulerDecision> Epoch2(PbtScheduler scheduler, params string[] checkpointed)
    {
        var members = new (string Id, double Lr, double Accuracy)[] { ("top", 1e-3, 0.9), ("b", 2e-3, 0.8), ("c", 5e-3, 0.7), ("bad", 5.0, 0.1) };
        foreach (var (id, lr, _) in members)
        {
            scheduler.OnTrialAdded(id, SchedulerScript.Config(lr));
        }

        foreach (var (id, _, accuracy) in members)
        {
            Assert.IsType<ContinueDecision>(scheduler.OnTrialResult(id, 1, SchedulerScript.Accuracy(accuracy)));
        }

        var decisions = new Dictionary<string, SchedulerDecision>();
        foreach (var (id, _, accuracy) in members)
        {
            decisions[id] = scheduler.OnTrialResult(id, 2, SchedulerScript.Accuracy(accuracy));
            if (checkpointed.Contains(id))
            {
                scheduler.OnCheckpoint(id, 2);
            }
        }

        Assert.IsType<ContinueDecision>(decisions["top"]);
        return decisions;
    }

    [Fact]
    public void OnTrialResult_BadMemberAtInterval_ExploitsTopMembersLatestCheckpointWithPerturbedLr()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = Create(time: time);

        var exploit = Assert.IsType<ExploitDecision>(RunToEpoch2(scheduler, "top", "b", "c"));

        Assert.Equal("top", exploit.SourceTrialId);
        Assert.Equal(2, exploit.SourceCheckpointEpoch);
        Assert.NotNull(exploit.LearningRateFactor);
        Assert.Contains(exploit.LearningRateFactor!.Value, new[] { 0.8, 1.2 });
        Assert.Equal(1e-3 * exploit.LearningRateFactor.Value, exploit.NewConfig["learning_rate"].AsDouble(), 15);
        Assert.Equal(exploit.NewConfig, scheduler.GetTrial("bad")!.Config);
        Assert.Null(scheduler.GetTrial("bad")!.LatestCheckpoint);

        var entry = Assert.Single(scheduler.Lineage);
        Assert.Equal(new PbtLineageEntry(Start, 2, "bad", "top", 2, SchedulerScript.Config(5.0), exploit.NewConfig, exploit.LearningRateFactor), entry);
    }

    [Fact]
    public void OnTrialResult_LatestCheckpoint_IsTheOneExploited()
    {
        var scheduler = Create();
        scheduler.OnTrialAdded("top", SchedulerScript.Config(1e-3));
        scheduler.OnTrialAdded("bad", SchedulerScript.Config(5.0));
        scheduler.OnTrialResult("top", 1, SchedulerScript.Accuracy(0.9));
        scheduler.OnCheckpoint("top", 1);
        scheduler.OnTrialResult("top", 2, SchedulerScript.Accuracy(0.9));
        scheduler.OnCheckpoint("top", 2);
        scheduler.OnTrialResult("bad", 1, SchedulerScript.Accuracy(0.1));

        var exploit = Assert.IsType<ExploitDecision>(scheduler.OnTrialResult("bad", 2, SchedulerScript.Accuracy(0.1)));

        Assert.Equal(2, exploit.SourceCheckpointEpoch);
    }

    [Fact]
    public void Restore_LineageFromThePartsAfterRestart_SameLineageAndNextExploitAlike()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = Create(time: time);
        Assert.IsType<ExploitDecision>(RunToEpoch2(scheduler, "top", "b", "c"));
        var restored = Create(time: time);

        restored.Restore(scheduler.SaveShared(), scheduler.Trials.Select(t => KeyValuePair.Create(t.Id, scheduler.SaveTrial(t.Id)!)));

        Assert.Equal(scheduler.Lineage, restored.Lineage);
        Assert.Equal(scheduler.OnTrialResult("bad", 4, SchedulerScript.Accuracy(0.01)), restored.OnTrialResult("bad", 4, SchedulerScript.Accuracy(0.01)));
    }

    [Fact]
    public void Restore_SharedPartOlderThanTheTrialParts_ThrowsNamingTheExploits()
    {
        var scheduler = Create();
        scheduler.OnTrialAdded("top", SchedulerScript.Config(1e-3));
        scheduler.OnTrialAdded("bad", SchedulerScript.Config(5.0));
        scheduler.OnTrialResult("top", 2, SchedulerScript.Accuracy(0.9));
        scheduler.OnCheckpoint("top", 2);
        var before = scheduler.SaveShared();
        Assert.IsType<ExploitDecision>(scheduler.OnTrialResult("bad", 2, SchedulerScript.Accuracy(0.1)));

        var error = Assert.Throws<InvalidOperationException>(() => Create().Restore(before, scheduler.Trials.Select(t => KeyValuePair.Create(t.Id, scheduler.SaveTrial(t.Id)!))));

        Assert.Contains("counts 0 exploits but its trials hold 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTrialResult_TopMemberWithoutCheckpoint_NeverASource()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.IsType<ContinueDecision>(RunToEpoch2(Create(seed: seed), "b", "c"));
        }

        for (var seed = 0; seed < 20; seed++)
        {
            var scheduler = Create(new PbtSchedulerOptions { PerturbationInterval = 2, QuantileFraction = 0.5, ResampleProbability = 0 }, seed: seed);

            // The bottom half is bad and c, the top half top (no checkpoint) and b: c must take over b.
            var exploit = Assert.IsType<ExploitDecision>(Epoch2(scheduler, "b", "c")["c"]);

            Assert.Equal("b", exploit.SourceTrialId);
        }
    }

    [Fact]
    public void OnTrialResult_BeforeInterval_Continue()
    {
        var scheduler = Create(new PbtSchedulerOptions { PerturbationInterval = 3 });

        Assert.IsType<ContinueDecision>(RunToEpoch2(scheduler, "top", "b", "c"));
    }

    [Fact]
    public void OnTrialResult_AfterExploit_NextStepAnIntervalAfterTheCheckpointEpoch()
    {
        var scheduler = Create();
        Assert.IsType<ExploitDecision>(RunToEpoch2(scheduler, "top", "b", "c"));

        // "bad" resumes from epoch 2, so epoch 3 is within the interval even though it is still the worst.
        Assert.IsType<ContinueDecision>(scheduler.OnTrialResult("bad", 3, SchedulerScript.Accuracy(0.05)));
    }

    [Fact]
    public void OnTrialResult_MutatedSearchedParameter_StaysInDomain()
    {
        var options = new PbtSchedulerOptions { PerturbationInterval = 2, HyperparamMutations = ["learning_rate", "gamma"], ResampleProbability = 0 };
        var scheduler = Create(options);
        var config = SchedulerScript.Config(1e-3).With("schedule", "step").With("gamma", 0.85);
        scheduler.OnTrialAdded("top", config);
        scheduler.OnTrialAdded("bad", config);
        scheduler.OnTrialResult("top", 2, SchedulerScript.Accuracy(0.9));
        scheduler.OnCheckpoint("top", 2);

        var exploit = Assert.IsType<ExploitDecision>(scheduler.OnTrialResult("bad", 2, SchedulerScript.Accuracy(0.1)));

        Assert.Contains(exploit.NewConfig["gamma"].AsDouble(), new[] { 0.85 * 0.8, 0.9 });
    }

    [Theory]
    [InlineData("""{"kind": "pbt"}, "checkpoint_interval": 0""", "$.scheduler")]
    [InlineData("""{"kind": "pbt", "hyperparam_mutations": ["hidden_layers"]}""", "$.scheduler.hyperparam_mutations[0]")]
    [InlineData("""{"kind": "pbt", "hyperparam_mutations": ["learning_rate", "momentum"]}""", "$.scheduler.hyperparam_mutations[1]")]
    [InlineData("""{"kind": "pbt", "quantile_fraction": 0.75}""", "$.scheduler.quantile_fraction")]
    [InlineData("""{"kind": "pbt", "perturbation_factors": [0.8, -1]}""", "$.scheduler.perturbation_factors")]
    public void Validate_BadSpec_ErrorAtPath(string scheduler, string path)
    {
        var json = TestSpecs.Json("""{"dropout": {"type":"uniform","low":0,"high":0.5}}""", extra: $$""", "scheduler": {{scheduler}}""");

        Assert.Contains(StudySpecParser.Parse(json).Errors, e => e.Path == path);
    }

    [Fact]
    public void Validate_DefaultPbtWithCheckpoints_Valid()
    {
        var json = TestSpecs.Json("""{"dropout": {"type":"uniform","low":0,"high":0.5}}""", extra: """, "scheduler": {"kind": "pbt", "hyperparam_mutations": ["learning_rate", "dropout"]}""");

        Assert.Empty(StudySpecParser.Parse(json).Errors);
    }
}
