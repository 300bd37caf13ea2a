using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>
/// A trial whose data never arrives (its csv source blocks, as a file on a hung network share would) reports nothing:
/// the study restarts it after the report timeout, and after its retries fails it for good with the reason — and the
/// study still ends.
/// </summary>
public sealed class HungTrialTests : IAsyncLifetime
{
    private readonly ManualResetEventSlim _release = new();
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await SingleSiloCluster.StartAsync("hung", configure: silo =>
    {
        silo.Services.Configure<StudyRecoveryOptions>(recovery =>
        {
            recovery.WatchInterval = TimeSpan.FromMilliseconds(100);
            recovery.ReportTimeout = TimeSpan.FromSeconds(1);
            recovery.MaxRetries = 1;
        });
        var sources = DatasetCatalog.CreateBuiltinSources().Where(s => s.Kind != DatasetKinds.Csv).Append(new NeverArrivingSource(_release));
        silo.Services.Replace(ServiceDescriptor.Singleton(new DatasetCatalog(sources)));
    });

    public async Task DisposeAsync()
    {
        _release.Set();
        await _cluster.DisposeAsync();
        _release.Dispose();
    }

    [Fact]
    public async Task SilentTrial_IsRestartedAfterTheReportTimeout_ThenFailedWithTheReasonAfterItsRetries()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("hung");
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        var started = await study.StartAsync("""
            { "name": "hung", "dataset": {"kind": "csv", "path": "never.csv", "label_column": "label"},
              "search_space": { "hidden_units": 8, "hidden_layers": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 2}, "checkpoint_interval": 0 }
            """);
        Assert.True(started.Accepted, started.Error + string.Join("; ", started.Problems));
        try
        {
            await watcher.WaitForEndAsync();
        }
        finally
        {
            // Release the loads still blocked: they fail.
            _release.Set();
        }

        var trial = Assert.Single(await study.GetTrialsAsync());
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("reported nothing", trial.Reason);
        Assert.Contains("gave up after 1 retries", trial.Reason);
        Assert.Equal(1, trial.Attempt);
        var history = (await _cluster.Client.GetGrain<ITrialGrain>(trial.TrialId).GetHistoryAsync())!;
        Assert.Equal([TrialEventKinds.Recovering, TrialEventKinds.Resumed, TrialEventKinds.GaveUp], history.Events.Select(e => e.Kind));
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
    }

    /// <summary>A csv source whose files never arrive until released, then fail.</summary>
    private sealed class NeverArrivingSource(ManualResetEventSlim release) : IDatasetSource
    {
        public string Kind => DatasetKinds.Csv;

        public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
        {
            release.Wait(CancellationToken.None);
            throw new DatasetFormatException(spec.Path ?? "", null, null, null, "the file never arrived");
        }
    }
}
