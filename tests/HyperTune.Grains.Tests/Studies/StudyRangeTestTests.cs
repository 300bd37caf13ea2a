using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.RangeTest;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>A study whose spec has <c>lr_range_test</c> runs the test first, then searches the learning rate between its bounds.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StudyRangeTestTests(ClusterFixture fixture)
{
    [Fact]
    public async Task StudyWithRangeTest_StartsTrialsOnlyAfterIt_WithLearningRatesInsideItsBounds()
    {
        var study = fixture.Client.GetGrain<IStudyGrain>("lrt-study-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(fixture.Client, study);
        var started = await study.StartAsync("""
            { "name": "lrt-study", "dataset": {"kind": "digits"},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-6, "high": 1},
                                "optimizer": "adam", "hidden_units": 32, "hidden_layers": 1 },
              "lr_range_test": {"steps": 100},
              "budget": {"max_trials": 4, "max_concurrent_trials": 2, "max_epochs_per_trial": 2},
              "checkpoint_interval": 0, "seed": 5 }
            """);
        Assert.True(started.Accepted, string.Join("\n", started.Problems) + started.Error);
        await watcher.WaitForEndAsync();

        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        var test = (await fixture.Client.GetGrain<ILearningRateRangeTestGrain>(study.GetPrimaryKeyString()).GetStatusAsync())!;
        Assert.Equal(RangeTestState.Completed, test.State);
        Assert.Equal(study.GetPrimaryKeyString(), test.StudyId);
        Assert.Equal("adam", test.Config[HyperparameterNames.Optimizer].ToString());
        var result = Assert.IsType<RangeTestResult>(test.Result);
        Assert.InRange(result.SuggestedLearningRate, 1e-4, 1e-1);

        var trials = await study.GetTrialsAsync();
        Assert.Equal(4, trials.Length);
        Assert.All(trials, t =>
        {
            Assert.Equal(TrialState.Completed, t.State);
            Assert.InRange(t.Config[HyperparameterNames.LearningRate].AsDouble(), result.SearchLow, result.SearchHigh);
            Assert.True(t.StartedAt >= test.EndedAt, $"{t.TrialId} started at {t.StartedAt:O}, before the range test ended at {test.EndedAt:O}");
        });
    }

    [Fact]
    public async Task RangeTestThatFails_EndsTheStudyFailed_WithItsError_AndStartsNoTrial()
    {
        var study = fixture.Client.GetGrain<IStudyGrain>("lrt-fails-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(fixture.Client, study);
        var started = await study.StartAsync("""
            { "name": "lrt-fails", "dataset": {"kind": "csv", "path": "no/such/file.csv", "label_column": "label"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 1e-1}, "hidden_units": 8 },
              "lr_range_test": {},
              "budget": {"max_trials": 2, "max_concurrent_trials": 1, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
            """);
        Assert.True(started.Accepted, string.Join("\n", started.Problems) + started.Error);
        await watcher.WaitForEndAsync();

        var status = (await study.GetStatusAsync())!;
        Assert.Equal(StudyState.Failed, status.State);
        Assert.Contains("learning-rate range test failed", status.Reason);
        Assert.Contains("file.csv", status.Reason);
        Assert.Empty(await study.GetTrialsAsync());
    }
}
