using HyperTune.Testing;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;

namespace HyperTune.Grains.Tests.Trials;

[Collection(ClusterCollection.Name)]
public sealed class TrialRecoveryTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task FinishedTrial_Reactivated_ReadsItsEpochsBackFromTheHistoryStore()
    {
        var study = Client.GetGrain<IStudyGrain>("reactivate-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync("""
            { "name": "reactivate", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0},
              "search_space": { "learning_rate": 0.002 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 40}, "checkpoint_interval": 10 }
            """);
        Assert.True(started.Accepted, started.Error);
        await watcher.WaitForEndAsync();
        var trial = Client.GetGrain<ITrialGrain>(TrialIds.Of(study.GetPrimaryKeyString(), 1));
        var before = (await trial.GetHistoryAsync())!;

        // Every idle activation goes: the trial's next call activates it from its stored state.
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = (await trial.GetHistoryAsync())!;

        Assert.Equal(Enumerable.Range(1, 40), after.Epochs.Select(e => e.Epoch));
        Assert.Equal(before.Epochs.Select(e => e.Metrics["val_loss"]), after.Epochs.Select(e => e.Metrics["val_loss"]));
        Assert.Equal(before.Checkpoints.Select(c => c.Epoch), after.Checkpoints.Select(c => c.Epoch));
        Assert.Equal((TrialState.Completed, 40), ((await trial.GetStatusAsync())!.State, (await trial.GetStatusAsync())!.Epoch));
    }

    [Fact]
    public async Task Recover_WithLatestCheckpointCorrupt_SkipsItWithAnEvent_ResumesFromThePreviousOne_AndKeepsHistoryContinuous()
    {
        var study = Client.GetGrain<IStudyGrain>("recover-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync("""
            { "name": "recover", "dataset": {"kind": "digits"},
              "search_space": { "learning_rate": 0.01, "hidden_units": 64, "hidden_layers": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 30}, "checkpoint_interval": 2 }
            """);
        Assert.True(started.Accepted, started.Error);
        var trialId = TrialIds.Of(study.GetPrimaryKeyString(), 1);
        var trial = Client.GetGrain<ITrialGrain>(trialId);

        // Hold the trial still once it has two checkpoints, then break the newer one.
        await watcher.WaitUntilAsync(() => watcher.Reports.Count(r => r.TrialId == trialId) >= 5);
        var paused = await trial.PauseAsync();
        Assert.True(paused.Accepted, paused.Error);
        var store = new LocalDirectoryCheckpointStore(fixture.CheckpointDirectory);
        int[] checkpoints = [];
        await Eventually.HoldsAsync(async () =>
        {
            // Paused: once the checkpoint of the last epoch boundary is recorded and stored, nothing more is written.
            var history = (await trial.GetHistoryAsync())!;
            checkpoints = [.. history.Checkpoints.Select(c => c.Epoch)];
            var stored = (await store.ListAsync(trialId)).Select(c => c.Epoch);
            return checkpoints.Length > 0 && checkpoints[^1] == history.Epochs[^1].Epoch / 2 * 2 && stored.SequenceEqual(checkpoints);
        }, "the paused trial has written its last checkpoint");
        Assert.True(checkpoints.Length >= 2, $"checkpoints: {string.Join(", ", checkpoints)}");
        var (latest, previous) = (checkpoints[^1], checkpoints[^2]);
        var bytes = (await store.LoadAsync(trialId, latest))!;
        bytes[bytes.Length / 2] ^= 0xFF;
        await store.SaveAsync(trialId, latest, bytes);

        var recovered = await trial.RecoverAsync(new TrialRecovery("test: the trial was lost", Attempt: 1, Paused: false));
        Assert.True(recovered.Accepted, recovered.Error);
        await watcher.WaitForEndAsync();

        var history = (await trial.GetHistoryAsync())!;
        Assert.Equal(TrialState.Completed, (await trial.GetStatusAsync())!.State);
        Assert.Equal(Enumerable.Range(1, 30), history.Epochs.Select(e => e.Epoch));
        var unusable = Assert.Single(history.Events, e => e.Kind == TrialEventKinds.CheckpointUnusable);
        Assert.Contains($"epoch {latest}", unusable.Message);
        var resumed = Assert.Single(history.Events, e => e.Kind == TrialEventKinds.Resumed);
        Assert.Equal(previous, resumed.Epoch);
        Assert.True(history.Events.IndexOf(unusable) < history.Events.IndexOf(resumed));
        Assert.Equal(1, (await study.GetTrialsAsync()).Single().Attempt);
    }

    [Fact]
    public async Task Recover_AfterTheTrialCompleted_IsRefusedWithAClearError()
    {
        var study = Client.GetGrain<IStudyGrain>("recover-done-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        await study.StartAsync("""
            { "name": "done", "dataset": {"kind": "blobs", "samples": 200},
              "search_space": { "hidden_units": 8, "hidden_layers": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
            """);
        await watcher.WaitForEndAsync();

        var result = await Client.GetGrain<ITrialGrain>(TrialIds.Of(study.GetPrimaryKeyString(), 1))
            .RecoverAsync(new TrialRecovery("test", 1, false));

        Assert.False(result.Accepted);
        Assert.Equal(CommandError.InvalidState, result.Kind);
        Assert.Contains("Completed", result.Error);
    }
}
