using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Cluster;

/// <summary>
/// Tells the slot directory how many real and synthetic training slots this silo offers and which trials train on
/// each, at start and then every <see cref="RefreshInterval"/>, so the directory recovers if its activation is lost.
/// </summary>
public sealed class SlotRegistrar(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TrialTrainer trainer,
    IOptions<TrainingHostOptions> options,
    TimeProvider time,
    ILogger<SlotRegistrar> logger) : BackgroundService
{
    /// <summary>How often the silo refreshes its registration.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, time);
        do
        {
            try
            {
                await grains.GetGrain<ISlotDirectoryGrain>(0).RegisterSiloAsync(
                    silo.SiloAddress, silo.Name, options.Value.Slots, trainer.TrainingTrialIds, options.Value.SyntheticSlots, trainer.SyntheticTrialIds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SlotRegistrationFailed(logger, silo.Name, RefreshInterval, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
