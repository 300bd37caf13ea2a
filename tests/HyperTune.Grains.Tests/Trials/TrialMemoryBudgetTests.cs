using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Limits;
using HyperTune.Search.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperTune.Grains.Tests.Trials;

/// <summary>
/// A spec that reaches a study without the API's checks (from another grain, say) and asks for a model over the
/// silo's memory budget: each trial ends Failed with the reason before its model is built, and the silo goes on.
/// </summary>
public sealed class TrialMemoryBudgetTests : IAsyncLifetime
{
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await SingleSiloCluster.StartAsync("memory", configure: silo =>
        silo.Services.Replace(ServiceDescriptor.Singleton(new SiloLimits(new StudyLimits { MaxTrainingMemoryBytes = 16L << 20 }))));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Trial_ModelOverTheSilosBudget_FailsWithTheReason_AndTheSiloGoesOn()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("too-big");
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        var started = await study.StartAsync("""
            { "name": "too-big", "dataset": {"kind": "digits"},
              "search_space": { "hidden_units": 2048, "hidden_layers": 2 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
            """);
        Assert.True(started.Accepted, started.Error + string.Join("; ", started.Problems));
        await watcher.WaitForEndAsync();

        var trial = Assert.Single(await study.GetTrialsAsync());
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("2 layers × 2,048 units on 64 inputs", trial.Reason, StringComparison.Ordinal);
        Assert.Contains("this silo allows at most 16.0 MiB per trial", trial.Reason, StringComparison.Ordinal);
        Assert.Equal(0, trial.Epoch);

        var probe = await _cluster.Client.GetGrain<IDatasetProbeGrain>(0).CheckStudySpecAsync("""
            { "name": "too-big", "search_space": { "hidden_units": 2048, "hidden_layers": 2 } }
            """);
        Assert.Equal("$.search_space.hidden_units", Assert.Single(probe).Path);
    }
}
