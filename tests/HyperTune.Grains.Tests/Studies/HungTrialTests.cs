using System.Diagnostics;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>
/// A trial whose data never arrives (its CSV is a named pipe nobody writes) reports nothing: the study restarts it
/// after the report timeout, and after its retries fails it for good with the reason — and the study still ends.
/// </summary>
public sealed class HungTrialTests : IAsyncLifetime
{
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await SingleSiloCluster.StartAsync("hung", configure: silo =>
        silo.Services.Configure<StudyRecoveryOptions>(recovery =>
        {
            recovery.WatchInterval = TimeSpan.FromMilliseconds(100);
            recovery.ReportTimeout = TimeSpan.FromSeconds(1);
            recovery.MaxRetries = 1;
        }));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SilentTrial_IsRestartedAfterTheReportTimeout_ThenFailedWithTheReasonAfterItsRetries()
    {
        var pipe = Path.Combine(_cluster.Directory, "never.csv");
        using (var mkfifo = Process.Start("mkfifo", [pipe])!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var study = _cluster.Client.GetGrain<IStudyGrain>("hung");
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        var started = await study.StartAsync($$"""
            { "name": "hung", "dataset": {"kind": "csv", "path": "{{pipe}}", "label_column": "label"},
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
            // Release the readers still blocked on the pipe: they see its end and fail.
            await using (new FileStream(pipe, FileMode.Open, FileAccess.Write))
            {
            }
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
}
