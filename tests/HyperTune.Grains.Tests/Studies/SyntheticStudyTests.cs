using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Training;
using HyperTune.Search.Metrics;
using HyperTune.Storage.Checkpoints;
using HyperTune.Testing;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>
/// Studies of the synthetic trainable on the shared cluster: two silos of two real slots each, and the default
/// synthetic slots (<c>TrainingHostOptions.SyntheticSlots</c>) beside them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SyntheticStudyTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task SyntheticStudy_MoreConcurrentTrialsThanRealSlots_RunsThemAtOnceOnSyntheticSlots()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "synthetic-many", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.2},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 5e-3},
                                "hidden_units": {"type": "choice", "values": [64, 128]} },
              "budget": {"max_trials": 24, "max_concurrent_trials": 12, "max_epochs_per_trial": 5},
              "checkpoint_interval": 5, "seed": 3 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        var history = await study.GetHistoryAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        Assert.Equal(24, trials.Length);
        Assert.All(trials, t => Assert.Equal((TrialState.Completed, 5, 5), (t.State, t.Epoch, t.LastCheckpointEpoch)));
        Assert.Equal(2, trials.Select(t => t.Silo).Distinct().Count());
        Assert.All(history.Trials, t => Assert.Equal(Enumerable.Range(1, 5), t.Epochs.Select(e => e.Epoch)));
        Assert.All(history.Trials.SelectMany(t => t.Epochs), e => Assert.InRange(e.Metrics[MetricNames.ValidationAccuracy], 0.1, 1));

        // Four real slots in the cluster: more trials than that ran at once, never more than the study allows.
        var most = MostAtOnce(trials);
        Assert.InRange(most, 2 * ClusterFixture.SlotsPerSilo + 1, 12);
        var view = await Client.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync();
        Assert.All(view.Silos, s => Assert.Equal(new TrainingHostOptions().SyntheticSlots, s.Synthetic.Slots));
    }

    [Fact]
    public async Task SyntheticTrial_PauseDecayResumeStop_ObeysLikeARealTrial()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "synthetic-commands", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.05},
              "search_space": { "learning_rate": 0.002 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 100000}, "checkpoint_interval": 0 }
            """);
        await using (watcher)
        {
            await watcher.WaitUntilAsync(() => watcher.Reports.Count >= 2);
            var trial = Client.GetGrain<ITrialGrain>(watcher.Reports.First().TrialId);

            Assert.True((await trial.PauseAsync()).Accepted);
            Assert.Equal(TrialState.Paused, (await trial.GetStatusAsync())!.State);
            Assert.True((await trial.DecayLearningRateAsync(0.5)).Accepted);
            Assert.True((await trial.ResumeAsync()).Accepted);
            await watcher.WaitUntilAsync(() => watcher.Reports.Any(r => !r.LearningRateChanges.IsEmpty));

            var history = (await trial.GetHistoryAsync())!;
            var change = Assert.Single(history.LearningRateChanges);
            Assert.Equal((0.002, 0.001, "user", "decay"), (change.OldLearningRate, change.NewLearningRate, change.Source, change.Command));
            Assert.Equal(0.001, history.Epochs.Single(e => e.Epoch == change.Epoch).LearningRate, 12);
            Assert.Equal(0.002, history.Epochs.Single(e => e.Epoch == change.Epoch - 1).LearningRate, 12);

            Assert.True((await study.StopAsync("enough")).Accepted);
            await watcher.WaitForEndAsync();
            Assert.Equal(TrialState.Stopped, (await trial.GetStatusAsync())!.State);
        }

        Assert.Equal(StudyState.Stopped, (await study.GetStatusAsync())!.State);
    }

    [Fact]
    public async Task SyntheticPbt_TheMemberWithABadLearningRate_TakesOverTheOthersCheckpoint()
    {
        // Checkpoints every epoch: members that train in step would otherwise decide just before the source's
        // checkpoint of that epoch reaches the study. Epochs of 0.25 s: a cold study may take a second to start both.
        var (study, watcher) = await StartAsync("""
            { "name": "synthetic-pbt", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.25},
              "search_space": { "learning_rate": {"type": "choice", "values": [0.002, 1e-6]} },
              "searcher": {"kind": "grid"},
              "scheduler": {"kind": "pbt", "perturbation_interval": 2, "quantile_fraction": 0.5, "resample_probability": 0, "seed": 5},
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 12}, "checkpoint_interval": 1 }
            """);
        await using (watcher)
        {
            await watcher.WaitForEndAsync();
        }

        var trials = await study.GetTrialsAsync();
        var histories = (await study.GetHistoryAsync()).Trials;
        var bad = histories.Single(h => trials.Single(t => t.TrialId == h.TrialId).Number == 2);
        var exploited = bad.Events.First(e => e.Kind == TrialEventKinds.Exploited);
        Assert.Contains(histories.Single(h => h.TrialId != bad.TrialId).TrialId, exploited.Message, StringComparison.Ordinal);

        // It continues from the other's curve: its loss after the exploit is far below its own before it.
        var before = bad.Epochs.Last(e => e.Epoch <= exploited.Epoch && e.ReportedAt < exploited.At).Metrics[MetricNames.ValidationLoss];
        var after = bad.Epochs.First(e => e.Epoch > exploited.Epoch).Metrics[MetricNames.ValidationLoss];
        Assert.True(after < before / 2, $"val_loss {before} before the exploit, {after} after");
        var epochs = bad.Epochs.Select(e => e.Epoch).ToArray();
        Assert.Equal(epochs.Order().Distinct(), epochs);
        Assert.Equal(12, epochs[^1]);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public async Task SyntheticTrial_RecoveredFromAnOlderCheckpoint_TrainsTheLostEpochsAgainIdentically()
    {
        var (study, watcher) = await StartAsync("""
            { "name": "synthetic-recover", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.05},
              "search_space": { "learning_rate": 0.003, "schedule": "plateau", "plateau_patience": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 16}, "checkpoint_interval": 2 }
            """);
        await using (watcher)
        {
            var trialId = TrialIds.Of(study.GetPrimaryKeyString(), 1);
            var trial = Client.GetGrain<ITrialGrain>(trialId);
            await watcher.WaitUntilAsync(() => watcher.Reports.Count(r => r.TrialId == trialId) >= 5);
            Assert.True((await trial.PauseAsync()).Accepted);
            var store = new LocalDirectoryCheckpointStore(fixture.CheckpointDirectory);
            TrialHistory paused = null!;
            await Eventually.HoldsAsync(async () =>
            {
                paused = (await trial.GetHistoryAsync())!;
                var stored = (await store.ListAsync(trialId)).Select(c => c.Epoch);
                var checkpoints = paused.Checkpoints.Select(c => c.Epoch).ToArray();
                return checkpoints.Length >= 2 && checkpoints[^1] == paused.Epochs[^1].Epoch / 2 * 2 && stored.SequenceEqual(checkpoints);
            }, "the paused trial has written its last checkpoint");

            // The newest checkpoint is lost: the trial goes back to the one before and trains the epochs after it again.
            var latest = paused.Checkpoints[^1].Epoch;
            await store.DeleteAsync(trialId, latest);
            Assert.True((await trial.RecoverAsync(new TrialRecovery("test: the trial was lost", Attempt: 1, Paused: false))).Accepted);
            await watcher.WaitForEndAsync();

            var history = (await trial.GetHistoryAsync())!;
            Assert.Equal(TrialState.Completed, (await trial.GetStatusAsync())!.State);
            Assert.Equal(Enumerable.Range(1, 16), history.Epochs.Select(e => e.Epoch));
            Assert.Equal(latest - 2, Assert.Single(history.Events, e => e.Kind == TrialEventKinds.Resumed).Epoch);
            var retrained = paused.Epochs.Where(e => e.Epoch > latest - 2).ToArray();
            Assert.True(retrained.Length >= 2);
            Assert.All(retrained, old =>
            {
                var again = history.Epochs.Single(e => e.Epoch == old.Epoch);
                Assert.Equal(old.Metrics, again.Metrics);
                Assert.Equal(old.LearningRate, again.LearningRate);
            });
        }
    }

    private async Task<(IStudyGrain Study, StudyWatcher Watcher)> StartAsync(string spec)
    {
        var study = Client.GetGrain<IStudyGrain>("syn-" + Guid.NewGuid().ToString("N")[..10]);
        var watcher = await StudyWatcher.WatchAsync(Client, study);
        var result = await study.StartAsync(spec);
        Assert.True(result.Accepted, string.Join("\n", result.Problems) + result.Error);
        return (study, watcher);
    }

    private static int MostAtOnce(IEnumerable<TrialSnapshot> trials)
    {
        var edges = trials.SelectMany(t => new[] { (At: t.StartedAt!.Value, Delta: 1), (At: t.EndedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        var (running, most) = (0, 0);
        foreach (var edge in edges)
        {
            running += edge.Delta;
            most = Math.Max(most, running);
        }

        return most;
    }
}
