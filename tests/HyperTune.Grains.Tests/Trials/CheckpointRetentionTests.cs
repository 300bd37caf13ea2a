using HyperTune.Testing;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Metrics;
using HyperTune.Storage.Checkpoints;

namespace HyperTune.Grains.Tests.Trials;

[Collection(ClusterCollection.Name)]
public sealed class CheckpointRetentionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FiftyEpochTrial_CheckpointEveryEpoch_KeepsTheLatestTwoAndTheBest()
    {
        var study = fixture.Client.GetGrain<IStudyGrain>("retention-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var watcher = await StudyWatcher.WatchAsync(fixture.Client, study))
        {
            var started = await study.StartAsync("""
                { "name": "retention", "dataset": {"kind": "blobs", "samples": 300},
                  "objective": {"metric": "val_accuracy", "direction": "maximize"},
                  "search_space": { "learning_rate": 0.05, "optimizer": "sgd", "hidden_units": 8, "hidden_layers": 1 },
                  "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 50}, "checkpoint_interval": 1 }
                """);
            Assert.True(started.Accepted, started.Error);
            await watcher.WaitForEndAsync();
        }

        var trialId = TrialIds.Of(study.GetPrimaryKeyString(), 1);
        var history = (await fixture.Client.GetGrain<ITrialGrain>(trialId).GetHistoryAsync())!;
        Assert.Equal(50, history.Epochs.Length);
        var accuracies = history.Epochs.Select(e => (e.Epoch, Value: e.Metrics[MetricNames.ValidationAccuracy])).ToArray();
        var best = accuracies.First(a => a.Value == accuracies.Max(x => x.Value)).Epoch;
        int[] expected = [.. new[] { 49, 50, best }.Distinct().Order()];

        Assert.Equal(expected, history.Checkpoints.Select(c => c.Epoch));
        var store = new LocalDirectoryCheckpointStore(fixture.CheckpointDirectory);
        await Eventually.HoldsAsync(
            async () => (await store.ListAsync(trialId)).Select(c => c.Epoch).SequenceEqual(expected),
            $"the store holds exactly epochs {string.Join(", ", expected)}");
    }
}
