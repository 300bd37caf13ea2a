using System.Collections.Concurrent;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Storage.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Grains.Tests.Studies;

/// <summary>
/// A study stores each trial before the trial starts. Were it to save afterwards, a study that went down between the
/// two (a whole cluster killed) would hand the started trial's number to a new suggestion on its next activation, and
/// the trial would refuse it ("already started").
/// </summary>
public sealed class StudyWriteAheadTests : IAsyncLifetime
{
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await SingleSiloCluster.StartAsync("write-ahead", configure: silo => silo.AddIncomingGrainCallFilter<StoredStudyAtTrialStart>());

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task EveryTrial_IsInTheStoredStudyWithItsSilo_BeforeItStarts()
    {
        var study = _cluster.Client.GetGrain<IStudyGrain>("write-ahead");
        await using var watcher = await StudyWatcher.WatchAsync(_cluster.Client, study);
        var started = await study.StartAsync("""
            { "name": "write-ahead", "dataset": {"kind": "blobs", "samples": 100},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-1}, "hidden_units": 8, "hidden_layers": 1 },
              "budget": {"max_trials": 3, "max_concurrent_trials": 2, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
            """);
        Assert.True(started.Accepted, started.Error);
        await watcher.WaitForEndAsync();

        Assert.All(await study.GetTrialsAsync(), t => Assert.Equal(TrialState.Completed, t.State));
        var seen = StoredStudyAtTrialStart.Seen.Where(s => s.Key.StartsWith("write-ahead", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, seen.Length);
        Assert.All(seen, s => Assert.True(s.Value, $"{s.Key} started before the study had stored it with a placement"));
    }

    /// <summary>On every trial start, reads the study's stored state and records whether it holds the trial and its silo.</summary>
    private sealed class StoredStudyAtTrialStart(IServiceProvider services) : IIncomingGrainCallFilter
    {
        public static ConcurrentDictionary<string, bool> Seen { get; } = new(StringComparer.Ordinal);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.Grain is ITrialGrain && context.InterfaceMethod?.Name == nameof(ITrialGrain.StartAsync)
                && context.Request.GetArgument(0) is TrialStartRequest request)
            {
                var trialId = context.TargetId.Key.ToString()!;
                var stored = await services.GetRequiredService<IStudyStore>().ReadAsync(request.StudyId);
                var rows = stored is null ? [] : services.GetRequiredService<StudyRecordCodec>().Decode(stored).Trials;
                Seen[trialId] = rows.Any(r => r.Snapshot.TrialId == trialId && r.Placement is not null);
            }

            await context.Invoke();
        }
    }
}
