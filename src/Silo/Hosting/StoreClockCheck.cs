using HyperTune.Silo.Diagnostics;
using HyperTune.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace HyperTune.Silo.Hosting;

/// <summary>
/// Before the silo joins its cluster, compares its clock with the PostgreSQL server's, which every silo of the cluster
/// shares (membership rows, checkpoints and history are stamped with the silos' clocks, and failure detection and the
/// studies' report timeouts compare them): a silo whose clock is off by more than
/// <see cref="SiloClusterOptions.MaxClockSkew"/> stops at start, saying so.
/// </summary>
internal sealed class StoreClockCheck(
    PostgresDatabase database, IOptions<SiloClusterOptions> options, TimeProvider time, ILogger<StoreClockCheck> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Before membership starts, after the schema is in place.</summary>
    private const int Stage = ServiceLifecycleStage.RuntimeInitialize - 50;

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(nameof(StoreClockCheck), Stage, CheckAsync);
    }

    /// <summary>Measures the skew; throws, after a critical log line, when it is over the limit.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxClockSkew;
        if (limit <= TimeSpan.Zero)
        {
            return;
        }

        // The best of three readings: the shortest round trip is the most exact.
        ClockSkew? best = null;
        for (var i = 0; i < 3; i++)
        {
            await using var command = database.DataSource.CreateCommand("SELECT clock_timestamp()");
            var sent = time.GetUtcNow();
            var storeTime = (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var skew = ClockSkew.Measure(sent, time.GetUtcNow(), new DateTimeOffset(DateTime.SpecifyKind(storeTime, DateTimeKind.Utc)));
            if (best is null || skew.Uncertainty < best.Value.Uncertainty)
            {
                best = skew;
            }
        }

        var measured = best!.Value;
        if (measured.Exceeds(limit))
        {
            Log.ClockSkewTooLarge(logger, measured.Offset.TotalSeconds, measured.Uncertainty.TotalSeconds, limit.TotalSeconds);
            throw new InvalidOperationException(
                $"This silo's clock is {measured.Offset.TotalSeconds:0.###} s away from the store's; at most {limit.TotalSeconds:0.###} s is allowed (HyperTune:Cluster:MaxClockSkew).");
        }

        Log.ClockSkewChecked(logger, measured.Offset.TotalSeconds, measured.Uncertainty.TotalSeconds, limit.TotalSeconds);
    }
}
