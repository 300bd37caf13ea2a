namespace HyperTune.Silo.Hosting;

/// <summary>
/// Where the silo keeps grain state, checkpoints and trial metric history. Bound from <c>HyperTune:Storage</c>; checked
/// when the silo starts (<see cref="SiloStorageOptionsValidator"/>). Checkpoint retention is in
/// <c>HyperTune:Storage:Retention</c> (<c>KeepLast</c>, default 2; <c>KeepBest</c>, default true).
/// </summary>
public sealed class SiloStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Storage";

    /// <summary>
    /// <c>sqlite</c> (the default), <c>postgres</c> or <c>memory</c>. With SQLite the silos of one machine share one file
    /// and keep the cluster's membership table in it too; with PostgreSQL they use ADO.NET clustering in the same
    /// database. Either way no silo is special: any, the first one included, can die and the cluster carries on. With
    /// <c>memory</c> the silos use localhost clustering, in which the primary silo must stay up.
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql format); required with <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The SQLite file. Default <c>.hypertune/hypertune.db</c> under <c>HyperTune:Training:DataDirectory</c>. Every silo
    /// of a machine should name the same file.
    /// </summary>
    public string? SqlitePath { get; set; }

    /// <summary>The SQLite file this silo uses: <see cref="SqlitePath"/>, or the default under <paramref name="dataDirectory"/>.</summary>
    public string EffectiveSqlitePath(string dataDirectory) =>
        Path.GetFullPath(SqlitePath is { Length: > 0 } path ? path : Path.Combine(dataDirectory, ".hypertune", "hypertune.db"));
}
