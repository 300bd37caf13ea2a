using HyperTune.Abstractions.Studies;
using HyperTune.Grains.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Studies;

/// <summary>
/// Wakes every unfinished study when a silo starts, so that after a whole-cluster restart the studies continue — and
/// restart the trials that were running — without a client call. Waking a study that is already active does nothing.
/// </summary>
public sealed class StudyResumer(IGrainFactory grains, TimeProvider time, ILogger<StudyResumer> logger) : BackgroundService
{
    /// <summary>How long to wait before asking again when the cluster is not ready yet.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetryInterval, time);
        do
        {
            try
            {
                var woken = await grains.GetGrain<IStudyRegistryGrain>(0).WakeUnfinishedAsync();
                Log.StudiesWoken(logger, woken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.StudyWakeFailed(logger, RetryInterval, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
