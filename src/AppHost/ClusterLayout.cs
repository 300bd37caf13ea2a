namespace HyperTune.AppHost;

/// <summary>
/// The ports and slots of a local cluster. Bound from <c>HyperTune</c> in the AppHost's configuration, so
/// <c>dotnet run --project src/AppHost -- --HyperTune:Silos=3</c> starts three silos.
/// </summary>
public sealed class ClusterLayout
{
    /// <summary>Silo processes to start, 1 to 16. Default 2.</summary>
    public int Silos { get; set; } = 2;

    /// <summary>Training slots of each silo. Default: the machine's cores shared out over the silos, at least 1.</summary>
    public int? SlotsPerSilo { get; set; }

    /// <summary>Silo-to-silo port of the first silo; silo i uses this + i. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port of the first silo; silo i uses this + i. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>HTTP (health) port of the first silo; silo i uses this + i. Default 5090.</summary>
    public int SiloHttpPort { get; set; } = 5090;

    /// <summary>The Coordinator's HTTP port, where the CLI and the dashboard connect. Default 5080.</summary>
    public int CoordinatorPort { get; set; } = 5080;

    /// <summary>
    /// The SQLite file every silo shares (grain state, checkpoints, trial history), used unless
    /// <see cref="PostgresConnectionString"/> is set. Default <c>.hypertune/hypertune.db</c> in the repository, so a
    /// stopped cluster continues where it was when started again.
    /// </summary>
    public string? SqlitePath { get; set; }

    /// <summary>
    /// A PostgreSQL connection string (<c>--HyperTune:PostgresConnectionString="Host=…;Database=…;Username=…"</c> or user
    /// secrets). When set, the silos keep everything in that database and use it for clustering too, so any silo can
    /// die; no server is started for it. Default: none (SQLite).
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The SQLite file: <see cref="SqlitePath"/>, or <c>.hypertune/hypertune.db</c> in <paramref name="repository"/>.</summary>
    public string EffectiveSqlitePath(string repository) =>
        SqlitePath is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(repository, ".hypertune", "hypertune.db");

    /// <summary>The slots each silo gets.</summary>
    public int EffectiveSlotsPerSilo => SlotsPerSilo ?? Math.Max(1, Environment.ProcessorCount / Silos);

    /// <summary>Throws when the layout cannot work.</summary>
    public void Validate()
    {
        if (Silos is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(Silos), Silos, "HyperTune:Silos must be between 1 and 16.");
        }

        if (SlotsPerSilo is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SlotsPerSilo), SlotsPerSilo, "HyperTune:SlotsPerSilo must be at least 1.");
        }
    }
}
