using Orleans.Core.Internal;
using System.Diagnostics;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Metrics;
using HyperTune.Search.Values;
using Xunit.Abstractions;

namespace HyperTune.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public sealed class StudyGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task RandomStudy_SixTrialsOnDigits_CompletesSpreadOverBothSilosWithBestFromHistory()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "random-digits", "dataset": {"kind": "digits"},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2},
                                "hidden_units": {"type": "choice", "values": [32, 64]}, "hidden_layers": 1 },
              "searcher": {"kind": "random"},
              "budget": {"max_trials": 6, "max_concurrent_trials": 6, "max_epochs_per_trial": 3},
              "checkpoint_interval": 0, "seed": 1 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var status = (await study.GetStatusAsync())!;
        var trials = await study.GetTrialsAsync();
        var history = await study.GetHistoryAsync();
        Assert.Equal(StudyState.Completed, status.State);
        Assert.True((await study.GetStatusAsync())!.Version > status.Version);
        Assert.Equal(6, trials.Length);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(2, trials.Select(t => t.Silo).Distinct().Count());
        Assert.All(history.Trials, t => Assert.Equal(3, t.Epochs.Length));
        var best = Assert.IsType<BestTrial>(await study.GetBestTrialAsync());
        var maximum = history.Trials.SelectMany(t => t.Epochs.Select(e => (t.TrialId, e.Epoch, Value: e.Metrics[MetricNames.ValidationAccuracy]))).MaxBy(x => x.Value);
        Assert.Equal(maximum.Value, best.Value);
        Assert.Equal(maximum.Value, history.Trials.Single(t => t.TrialId == best.TrialId).Epochs.Single(e => e.Epoch == best.Epoch).Metrics[MetricNames.ValidationAccuracy]);
        AssertNeverMoreThanSlots(trials, 2 * ClusterFixture.SlotsPerSilo);
    }

    [Fact]
    public async Task GridStudy_TwoByTwo_EnumeratesExactlyItsGrid()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "grid-blobs", "dataset": {"kind": "blobs", "samples": 200},
              "search_space": { "optimizer": {"type": "choice", "values": ["sgd", "adam"]},
                                "hidden_layers": {"type": "int", "low": 1, "high": 2}, "hidden_units": 8 },
              "searcher": {"kind": "grid"},
              "budget": {"max_trials": 10, "max_concurrent_trials": 2, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        Assert.Contains(study.GetPrimaryKeyString(), await Client.GetGrain<IStudyRegistryGrain>(0).ListAsync());
        var configs = trials.Select(t => (t.Config["optimizer"].AsString(), t.Config["hidden_layers"].AsInt64())).Order().ToArray();
        Assert.Equal([("adam", 1L), ("adam", 2L), ("sgd", 1L), ("sgd", 2L)], configs);
    }

    [Fact]
    public async Task DecayLearningRate_WhileTraining_ShowsInNextEpochAndHistory_AndStatusAnswersFast()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "decay", "dataset": {"kind": "blobs", "samples": 400},
              "search_space": { "learning_rate": 0.01, "hidden_units": 16, "hidden_layers": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 100000}, "checkpoint_interval": 0 }
            """);
        await using (watcher)
        {
            await watcher.WaitUntilAsync(() => watcher.Reports.Count >= 2);
            var trialId = watcher.Reports.First().TrialId;
            var trial = Client.GetGrain<ITrialGrain>(trialId);

            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                Assert.Equal(TrialState.Running, (await trial.GetStatusAsync())!.State);
                var elapsed = Stopwatch.GetElapsedTime(started);
                slowest = elapsed > slowest ? elapsed : slowest;
            }

            output.WriteLine($"GetStatusAsync during training: slowest of 20 calls {slowest.TotalMilliseconds:F1} ms");
            Assert.True(slowest < TimeSpan.FromSeconds(1), $"GetStatusAsync took {slowest}");

            Assert.Equal(CommandError.InvalidArgument, (await trial.DecayLearningRateAsync(0)).Kind);
            Assert.Equal(CommandError.InvalidArgument, (await trial.SetLearningRateAsync(double.NaN)).Kind);
            Assert.Equal(CommandError.InvalidArgument, (await trial.DecayLearningRateAsync(1e308)).Kind);
            Assert.Equal(CommandError.InvalidArgument, (await trial.SetLearningRateAsync(1e308)).Kind);
            Assert.Equal(CommandError.InvalidArgument, (await trial.DecayLearningRateAsync(1e-300)).Kind);
            Assert.True((await trial.DecayLearningRateAsync(0.5)).Accepted);
            await watcher.WaitUntilAsync(() => watcher.Reports.Any(r => !r.LearningRateChanges.IsEmpty));
            var history = (await trial.GetHistoryAsync())!;
            var change = Assert.Single(history.LearningRateChanges);
            var changed = history.Epochs.Single(e => e.Epoch == change.Epoch);
            var before = history.Epochs.Single(e => e.Epoch == change.Epoch - 1);
            Assert.Equal(0.01, before.LearningRate, 12);
            Assert.Equal(0.005, changed.LearningRate, 12);
            Assert.Equal((0.01, 0.005, "user", "decay"), (change.OldLearningRate, change.NewLearningRate, change.Source, change.Command));
            Assert.Equal(change, Assert.Single(watcher.Reports.Single(r => r.Epoch.Epoch == change.Epoch).LearningRateChanges));

            Assert.True((await study.StopAsync()).Accepted);
            await watcher.WaitForEndAsync();
        }

        Assert.Equal(StudyState.Stopped, (await study.GetStatusAsync())!.State);
    }

    [Fact]
    public async Task Stop_RunningStudy_StopsItsRunningTrials()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "stop", "dataset": {"kind": "blobs", "samples": 400},
              "search_space": { "learning_rate": {"type": "choice", "values": [0.01, 0.02]}, "hidden_units": 16, "hidden_layers": 1 },
              "searcher": {"kind": "grid"},
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 100000}, "checkpoint_interval": 0 }
            """);
        await using (watcher)
        {
            await watcher.WaitUntilAsync(() => watcher.Reports.Select(r => r.TrialId).Distinct().Count() == 2);
            Assert.True((await study.StopAsync("enough")).Accepted);
            await watcher.WaitForEndAsync();
        }

        var status = (await study.GetStatusAsync())!;
        Assert.Equal((StudyState.Stopped, "enough"), (status.State, status.Reason));
        var trials = await study.GetTrialsAsync();
        Assert.Equal(2, trials.Length);
        Assert.All(trials, t => Assert.Equal(TrialState.Stopped, t.State));
        var refused = await Client.GetGrain<ITrialGrain>(trials[0].TrialId).DecayLearningRateAsync(0.5);
        Assert.Equal((false, CommandError.InvalidState), (refused.Accepted, refused.Kind));
        Assert.Contains("has finished", refused.Error, StringComparison.Ordinal);
        Assert.Equal(CommandError.InvalidState, (await study.PauseAsync()).Kind);
    }

    [Fact]
    public async Task Study_TrialWithLearningRate10_DivergesAndTheStudyGoesOn()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "diverge", "dataset": {"kind": "digits"},
              "search_space": { "optimizer": "sgd", "learning_rate": {"type": "choice", "values": [10.0, 0.01]}, "hidden_units": 32, "hidden_layers": 1 },
              "searcher": {"kind": "grid"},
              "budget": {"max_trials": 2, "max_concurrent_trials": 1, "max_epochs_per_trial": 20}, "checkpoint_interval": 0 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        var diverged = Assert.Single(trials, t => t.State == TrialState.Diverged);
        Assert.Equal(10.0, diverged.Config["learning_rate"].AsDouble());
        Assert.False(string.IsNullOrEmpty(diverged.Reason));
        Assert.Single(trials, t => t.State == TrialState.Completed);
    }

    [Fact]
    public async Task Study_ManyTrialsThatEndAtOnce_AllFinishAndTheStudyCompletes()
    {
        // Trials that ended while their grain was still starting them once raced two state writes and hung the study.
        var (study, watcher) = await StartAsync("""
            { "name": "instant", "dataset": {"kind": "blobs", "samples": 40},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-1}, "hidden_units": 4, "hidden_layers": 1 },
              "budget": {"max_trials": 16, "max_concurrent_trials": 8, "max_epochs_per_trial": 1}, "checkpoint_interval": 1 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        Assert.Equal(16, trials.Length);
        Assert.All(trials, t => Assert.Equal((TrialState.Completed, 1, 1), (t.State, t.Epoch, t.LastCheckpointEpoch)));
    }

    [Fact]
    public async Task Start_InvalidSpec_ListsEveryError()
    {
        var study = Client.GetGrain<IStudyGrain>(NewId());

        var result = await study.StartAsync("""
            { "name": "bad", "dataset": {"kind": "nope"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": -1, "high": 1}, "colour": 3 },
              "budget": {"max_trials": 0} }
            """);

        Assert.False(result.Accepted);
        Assert.True(result.Problems.Length >= 4, string.Join("\n", result.Problems));
        Assert.Contains(result.Problems, p => p.Path == "$.dataset.kind");
        Assert.Contains(result.Problems, p => p.Path.StartsWith("$.search_space.learning_rate", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path.StartsWith("$.search_space.colour", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.budget.max_trials");
        Assert.Null(await study.GetStatusAsync());
        Assert.DoesNotContain(study.GetPrimaryKeyString(), await Client.GetGrain<IStudyRegistryGrain>(0).ListAsync());
    }

    [Fact]
    public async Task Commands_UnknownStudyAndTrial_AreRefusedOrNull()
    {
        Assert.Equal(CommandError.NotFound, (await Client.GetGrain<IStudyGrain>(NewId()).PauseAsync()).Kind);
        Assert.Null(await Client.GetGrain<ITrialGrain>(NewId() + "-0001").GetStatusAsync());
        Assert.Equal(CommandError.NotFound, (await Client.GetGrain<ITrialGrain>(NewId() + "-0001").StopAsync()).Kind);
    }

    [Fact]
    public async Task SlotDirectory_ReportsBothSilosWithTheirSlots()
    {
        var view = await Client.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync();

        Assert.Equal(2, view.Silos.Length);
        Assert.All(view.Silos, s => Assert.Equal(ClusterFixture.SlotsPerSilo, s.Slots));
    }

    [Fact]
    public async Task FinishedStudy_AfterItsGrainsDeactivate_ReadsBackTheSameStateFromStorage()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "stored", "dataset": {"kind": "blobs", "samples": 200},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 8, "hidden_layers": 1 },
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 2}, "checkpoint_interval": 1 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        var histories = await study.GetHistoryAsync();
        await study.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        foreach (var trial in trials)
        {
            await Client.GetGrain<ITrialGrain>(trial.TrialId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        }

        var reread = await study.GetTrialsAsync();
        Assert.Equal(trials.Select(t => (t.TrialId, t.State, t.Config, t.Epoch, t.EndedAt)), reread.Select(t => (t.TrialId, t.State, t.Config, t.Epoch, t.EndedAt)));
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        var rereadHistories = await study.GetHistoryAsync();
        Assert.Equal(histories.Trials.Select(h => h.Epochs.Length), rereadHistories.Trials.Select(h => h.Epochs.Length));
        Assert.Equal(histories.Trials.Select(h => h.Checkpoints.Length), rereadHistories.Trials.Select(h => h.Checkpoints.Length));
    }

    private async Task<(IStudyGrain Study, StudyWatcher Watcher)> StartAsync(string spec)
    {
        var study = Client.GetGrain<IStudyGrain>(NewId());
        var watcher = await StudyWatcher.WatchAsync(Client, study);
        var result = await study.StartAsync(spec);
        Assert.True(result.Accepted, string.Join("\n", result.Problems) + result.Error);
        return (study, watcher);
    }

    private static void AssertNeverMoreThanSlots(IEnumerable<TrialSnapshot> trials, int slots)
    {
        var edges = trials.SelectMany(t => new[] { (At: t.StartedAt!.Value, Delta: 1), (At: t.EndedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        var running = 0;
        foreach (var edge in edges)
        {
            running += edge.Delta;
            Assert.True(running <= slots, $"{running} trials ran at once on {slots} slots");
        }
    }

    private static string NewId() => "s" + Guid.NewGuid().ToString("N")[..10];
}
