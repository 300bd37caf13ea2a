using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Testing;

namespace HyperTune.Grains.Tests.Cluster;

/// <summary>Draining one of the shared cluster's two silos while a study trains on both.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloDrainTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private ISlotDirectoryGrain Directory0 => Client.GetGrain<ISlotDirectoryGrain>(0);

    [Fact]
    public async Task Drain_SiloTrainingTrials_EndsWithNoTrialsAndTheStudyLosesNoEpochBeyondACheckpoint()
    {
        const int Interval = 2;
        var study = Client.GetGrain<IStudyGrain>("drain-" + Guid.NewGuid().ToString("N")[..10]);
        await using var watcher = await StudyWatcher.WatchAsync(Client, study);
        var started = await study.StartAsync($$"""
            { "name": "drain", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.1},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 5e-3} },
              "budget": {"max_trials": 6, "max_concurrent_trials": 6, "max_epochs_per_trial": 40},
              "checkpoint_interval": {{Interval}}, "seed": 5 }
            """);
        Assert.True(started.Accepted, started.Error);

        // Trials on both silos, a few epochs in.
        await watcher.WaitUntilAsync(() => watcher.Reports.Select(r => r.Silo).Distinct().Count() == 2 && watcher.Reports.Count >= 12);
        var view = await Directory0.GetClusterAsync();
        var drained = view.Silos.OrderByDescending(s => s.Synthetic.TrialIds.Length).First();
        Assert.NotEmpty(drained.Synthetic.TrialIds);
        var moved = drained.Synthetic.TrialIds.ToHashSet();
        try
        {
            var answer = await Directory0.SetDrainingAsync(drained.Name, draining: true);
            Assert.True(answer is { Draining: true });

            // Its trials left it and train on the other silo (or finished there).
            var state = "";
            await Eventually.HoldsAsync(
                async () =>
                {
                    var silos = (await Directory0.GetClusterAsync()).Silos;
                    var unfinished = (await study.GetTrialsAsync()).Where(t => !t.State.IsFinished()).Select(t => t.TrialId).ToArray();
                    var on = silos.ToDictionary(s => s.Silo, s => s.TrialIds.Concat(s.Synthetic.TrialIds).Where(id => id.StartsWith(study.GetPrimaryKeyString(), StringComparison.Ordinal)).ToArray());
                    state = string.Join("; ", on.Select(p => $"{p.Key}: {string.Join(",", p.Value)}")) + $"; unfinished: {string.Join(",", unfinished)}";
                    var other = silos.Single(s => !s.Silo.Equals(drained.Silo)).Silo;
                    return on[drained.Silo].Length == 0 && unfinished.All(on[other].Contains);
                },
                "the drained silo holds none of the study's trials, and they train on the other",
                TimeSpan.FromSeconds(60),
                () => state);
            Assert.Equal([drained.Silo], (await Directory0.GetDrainingAsync()).ToArray());
        }
        finally
        {
            Assert.True(await Directory0.SetDrainingAsync(drained.Name, draining: false) is { Draining: false });
        }

        await watcher.WaitForEndAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        var history = await study.GetHistoryAsync();
        Assert.All(history.Trials, t => Assert.Equal(Enumerable.Range(1, 40), t.Epochs.Select(e => e.Epoch))); // continuous, each epoch once
        var movedOff = history.Trials.Where(t => t.Events.Any(e => e.Kind == TrialEventKinds.MovedOff)).ToArray();
        Assert.NotEmpty(movedOff);
        Assert.Contains(movedOff, t => moved.Contains(t.TrialId));
        Assert.All(movedOff, t => Assert.StartsWith($"left {drained.Name}:", t.Events.First(e => e.Kind == TrialEventKinds.MovedOff).Message, StringComparison.Ordinal));
        foreach (var trial in movedOff)
        {
            var left = trial.Events.First(e => e.Kind == TrialEventKinds.MovedOff);
            var resumed = trial.Events.First(e => e.Kind == TrialEventKinds.Resumed && e.At >= left.At);

            // It went on from a checkpoint of an epoch it had (a multiple of the interval), and lost less than an interval.
            Assert.Equal(0, resumed.Epoch % Interval);
            Assert.InRange(left.Epoch - resumed.Epoch, 0, Interval - 1);
            Assert.DoesNotContain(trial.Events, e => e.Kind == TrialEventKinds.GaveUp);
        }

        Assert.All((await Directory0.GetClusterAsync()).Silos, s => Assert.False(s.Draining));
    }
}
