using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Testing;

namespace HyperTune.Grains.Tests.Trials;

/// <summary>
/// Standby trials on a one-slot silo: a study at its concurrency starts the next trial ahead; it waits (Pending) for the
/// slot and takes it over as soon as the running trial gives it back, never training beside it.
/// </summary>
public sealed class StandbyTrialTests : IAsyncLifetime
{
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SingleSiloCluster.StartAsync("standby", training => training.Slots = 1);
        await Eventually.HoldsAsync(async () => (await Directory0.GetClusterAsync()).Silos.Length == 1, "the silo registers its slot");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private ISlotDirectoryGrain Directory0 => _cluster.Client.GetGrain<ISlotDirectoryGrain>(0);

    [Fact]
    public async Task AStudyAtItsConcurrency_StartsTheNextTrialAhead_WhichTakesTheSlotOnlyOnceItIsFree()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("standby-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        Assert.True((await study.StartAsync(Spec(trials: 3, epochs: 40))).Accepted);

        TrialSnapshot[] seen = [];
        await Eventually.HoldsAsync(async () =>
        {
            seen = [.. await study.GetTrialsAsync()];
            return seen.Length == 2 && seen[0].State == TrialState.Running && seen[0].Epoch is >= 1 and <= 20;
        }, "the first trial trains (far from its end) and the second waits beside it", TimeSpan.FromMinutes(1));
        Assert.Equal(TrialState.Pending, seen[1].State);
        Assert.Null(seen[1].StartedAt);
        var cluster = await Directory0.GetClusterAsync();
        Assert.Equal((1, 1, 0), (cluster.Silos[0].Used, cluster.Silos[0].Standby, cluster.Silos[0].Free));

        await watcher.WaitForEndAsync();
        var trials = await study.GetTrialsAsync();
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        for (var i = 1; i < trials.Length; i++)
        {
            Assert.True(trials[i].StartedAt >= trials[i - 1].EndedAt, $"trial {i + 1} started at {trials[i].StartedAt:O}, before trial {i} ended at {trials[i - 1].EndedAt:O}");
        }
    }

    [Fact]
    public async Task StoppingAStudy_StopsItsStandbyTrialBeforeItEverTrains()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("standby-stop-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        Assert.True((await study.StartAsync(Spec(trials: 3, epochs: 200))).Accepted);
        await Eventually.HoldsAsync(async () => (await study.GetTrialsAsync()) is [{ State: TrialState.Running }, { State: TrialState.Pending }],
            "a trial trains and one waits", TimeSpan.FromMinutes(1));

        Assert.True((await study.StopAsync()).Accepted);
        await watcher.WaitForEndAsync();

        var standby = (await study.GetTrialsAsync())[1];
        Assert.Equal(TrialState.Stopped, standby.State);
        Assert.Null(standby.StartedAt);
        Assert.Equal(0, standby.Epoch);
        Assert.Empty((await _cluster.Client.GetGrain<ITrialGrain>(standby.TrialId).GetHistoryAsync())!.Epochs);
        Assert.Equal(0, (await Directory0.GetClusterAsync()).Silos[0].Used);
    }

    [Fact]
    public async Task RecoveredTrial_WhoseSlotIsTaken_IsPendingUntilItsRunGetsTheSlot_ThenRunning()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("standby-recover-" + Guid.NewGuid().ToString("N")[..8]);
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        Assert.True((await study.StartAsync(Spec(trials: 2, epochs: 400))).Accepted);
        await Eventually.HoldsAsync(async () => (await study.GetTrialsAsync()) is [{ State: TrialState.Running }, { State: TrialState.Pending }],
            "a trial trains and one waits", TimeSpan.FromMinutes(1));
        var (first, second) = ((await study.GetTrialsAsync())[0].TrialId, (await study.GetTrialsAsync())[1].TrialId);
        var waiting = _cluster.Client.GetGrain<ITrialGrain>(second);

        // Restarted while the silo's only slot is taken: its new run waits for it, as on a first start.
        var recovered = await waiting.RecoverAsync(new TrialRecovery("test: the trial was lost", Attempt: 1, Paused: false));
        Assert.True(recovered.Accepted, recovered.Error);
        var status = (await waiting.GetStatusAsync())!;
        Assert.Equal((TrialState.Pending, 1), (status.State, status.Attempt));
        await Eventually.HoldsAsync(async () => (await study.GetTrialsAsync())[1] is { State: TrialState.Pending, Attempt: 1 },
            "the study knows the restarted trial waits");

        // The slot frees: the restarted run takes it and the trial says it trains.
        Assert.True((await _cluster.Client.GetGrain<ITrialGrain>(first).StopAsync()).Accepted);
        await Eventually.HoldsAsync(async () => (await study.GetTrialsAsync())[1] is { State: TrialState.Running, Attempt: 1 },
            "the restarted trial runs once it has the slot", TimeSpan.FromMinutes(1));
        Assert.Equal(TrialState.Running, (await waiting.GetStatusAsync())!.State);

        Assert.True((await study.StopAsync()).Accepted);
        await watcher.WaitForEndAsync();
    }

    [Fact]
    public async Task StandbyPlaces_OnePerSilo_OnlyForAStudyWhoseConcurrencyCoversTheClustersSlots()
    {
        var silo = (await Directory0.GetClusterAsync()).Silos[0].Silo;

        Assert.Null(await Directory0.TryReserveStandbyAsync("below-the-cluster", studyConcurrency: 0));
        Assert.Equal(silo, await Directory0.TryReserveStandbyAsync("first", studyConcurrency: 1));
        Assert.Equal(silo, await Directory0.TryReserveStandbyAsync("second", studyConcurrency: 1));
        Assert.Null(await Directory0.TryReserveStandbyAsync("third", studyConcurrency: 1));
        Assert.Null(await Directory0.TryReserveAsync("no-free-slot"));
        var view = (await Directory0.GetClusterAsync()).Silos[0];
        Assert.Equal((1, 1, 0), (view.Used, view.Standby, view.Free));

        await Directory0.ReleaseAsync("first");
        await Directory0.ReleaseAsync("second");
        Assert.Equal(1, (await Directory0.GetClusterAsync()).Silos[0].Free);
    }

    private static string Spec(int trials, int epochs) => $$"""
        { "name": "standby", "dataset": {"kind": "digits"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 128, "hidden_layers": 2 },
          "budget": {"max_trials": {{trials}}, "max_concurrent_trials": 1, "max_epochs_per_trial": {{epochs}}}, "checkpoint_interval": 0 }
        """;
}
