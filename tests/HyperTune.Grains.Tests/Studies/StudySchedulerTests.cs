using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Hyperparameters;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>Trial schedulers steer running trials through the trials' ordinary commands.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StudySchedulerTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Pbt_TheMemberWithABadLearningRate_TakesOverTheTopMembersCheckpoint_WithAPerturbedLearningRate()
    {
        var study = Client.GetGrain<IStudyGrain>("pbt-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync("""
            { "name": "pbt", "dataset": {"kind": "digits"},
              "search_space": { "learning_rate": {"type": "choice", "values": [0.01, 1e-7]}, "optimizer": "sgd",
                                "batch_size": 16, "hidden_units": 64, "hidden_layers": 1 },
              "searcher": {"kind": "grid"},
              "scheduler": {"kind": "pbt", "perturbation_interval": 2, "quantile_fraction": 0.5, "resample_probability": 0, "seed": 5},
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 20}, "checkpoint_interval": 2 }
            """);
        Assert.True(started.Accepted, started.Error + string.Join("; ", started.Problems));
        await watcher.WaitForEndAsync();

        var trials = await study.GetTrialsAsync();
        var histories = (await study.GetHistoryAsync()).Trials;

        // The bad member exploits first; after that the two may take turns (the clone can overtake its source).
        var bad = histories.Where(h => h.Events.Any(e => e.Kind == TrialEventKinds.Exploited))
            .MinBy(h => h.Events.First(e => e.Kind == TrialEventKinds.Exploited).At)
            ?? throw new Xunit.Sdk.XunitException("no member exploited another");
        var good = trials.Single(t => t.TrialId != bad.TrialId);
        var history = bad;
        Assert.Contains(good.TrialId, history.Events.First(e => e.Kind == TrialEventKinds.Exploited).Message);
        Assert.Equal(0.01, good.Config[HyperparameterNames.LearningRate].AsDouble(), 12);

        // The config carries the top member's learning rate; the perturbation is a command, recorded as a change.
        Assert.Equal(0.01, trials.Single(t => t.TrialId == bad.TrialId).Config[HyperparameterNames.LearningRate].AsDouble(), 12);
        var exploited = history.Events.Last(e => e.Kind == TrialEventKinds.Exploited);
        var perturbation = history.LearningRateChanges.Last(c => c.Source == "population");
        Assert.Contains(perturbation.NewLearningRate / perturbation.OldLearningRate, new[] { 0.8, 1.2 }, new ToleranceComparer(1e-9));
        var next = history.Epochs.First(e => e.Epoch > exploited.Epoch);
        Assert.Equal(perturbation.NewLearningRate, next.LearningRate, 12);

        // Exploiting takes over the source's progress too: epochs stay unique and increasing, and end at the budget.
        var epochs = history.Epochs.Select(e => e.Epoch).ToArray();
        Assert.Equal(epochs.Order().Distinct(), epochs);
        Assert.Equal(20, epochs[^1]);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task Asha_WithMaxTBelowTheBudget_TrialsThatSurviveEndAtMaxT()
    {
        var study = Client.GetGrain<IStudyGrain>("asha-max-t-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync("""
            { "name": "asha-max-t", "dataset": {"kind": "blobs", "samples": 200},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-1}, "hidden_units": 8 },
              "scheduler": {"kind": "asha", "grace_period": 1, "reduction_factor": 3, "max_t": 3},
              "budget": {"max_trials": 3, "max_concurrent_trials": 3, "max_epochs_per_trial": 8}, "checkpoint_interval": 0, "seed": 2 }
            """);
        Assert.True(started.Accepted, string.Join("\n", started.Problems) + started.Error);
        await watcher.WaitForEndAsync();

        var trials = await study.GetTrialsAsync();
        Assert.All(trials, t => Assert.Equal(3, t.MaxEpochs));
        Assert.Contains(trials, t => t.State == TrialState.Completed);
        Assert.All(trials.Where(t => t.State == TrialState.Completed), t => Assert.Equal(3, t.Epoch));
    }

    [Fact]
    public async Task Asha_PrunesTrialsBelowTheRungCutoff_AndTheStudyStillCompletes()
    {
        var study = Client.GetGrain<IStudyGrain>("asha-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync("""
            { "name": "asha", "dataset": {"kind": "digits"},
              "search_space": { "learning_rate": {"type": "choice", "values": [0.05, 1e-7, 0.03, 2e-7, 0.02, 3e-7]}, "optimizer": "sgd",
                                "batch_size": 32, "hidden_units": 32, "hidden_layers": 1 },
              "searcher": {"kind": "grid"},
              "scheduler": {"kind": "asha", "grace_period": 1, "reduction_factor": 2},
              "budget": {"max_trials": 6, "max_concurrent_trials": 1, "max_epochs_per_trial": 12}, "checkpoint_interval": 0 }
            """);
        Assert.True(started.Accepted, started.Error + string.Join("; ", started.Problems));
        await watcher.WaitForEndAsync();

        var trials = await study.GetTrialsAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        var pruned = trials.Where(t => t.State == TrialState.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.True(t.Epoch < 12, $"{t.TrialId} was pruned after its last epoch"));
        Assert.All(pruned, t => Assert.Contains("rung", t.Reason));
        Assert.Contains(pruned, t => t.Config[HyperparameterNames.LearningRate].AsDouble() < 1e-6);
        Assert.Contains(trials, t => t.State == TrialState.Completed && t.Epoch == 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
