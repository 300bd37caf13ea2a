using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Tests;

/// <summary>A temporary folder deleted on dispose (after SQLite's pooled connections let go of their files).</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hypertune-storage-").FullName;

    /// <summary>A path for a new database file inside the folder.</summary>
    public string NewDatabasePath() => System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N"), "hypertune.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
