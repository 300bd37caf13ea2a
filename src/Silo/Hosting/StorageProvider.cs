namespace HyperTune.Silo.Hosting;

/// <summary>Where a silo keeps grain state, checkpoints and trial history.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file on this machine, shared by its silo processes; no server needed.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which also holds the cluster's membership so any silo may fail.</summary>
    Postgres,

    /// <summary>Process memory and the local checkpoint directory: nothing survives a restart (development and tests).</summary>
    Memory,
}
