using System.Diagnostics;
using HyperTune.Grains.Diagnostics;
using HyperTune.Storage.Postgres;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Persistence;

/// <summary>
/// Installs, before the silo joins its cluster, the Orleans ADO.NET tables (<see cref="PostgresOrleansSchema"/>) and
/// HyperTune's own tables in PostgreSQL, so the first silo started against an empty database sets it up.
/// </summary>
internal sealed class PostgresSchemaInstaller(PostgresDatabase database, ILogger<PostgresSchemaInstaller> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Before membership starts (<see cref="ServiceLifecycleStage.RuntimeInitialize"/>).</summary>
    private const int Stage = ServiceLifecycleStage.RuntimeInitialize - 100;

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(nameof(PostgresSchemaInstaller), Stage, InstallAsync);
    }

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var installed = await PostgresOrleansSchema.InstallAsync(database.DataSource, cancellationToken).ConfigureAwait(false);
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        Log.PostgresSchemaReady(logger, installed, PostgresOrleansSchema.Version, clock.Elapsed.TotalMilliseconds);
    }
}
