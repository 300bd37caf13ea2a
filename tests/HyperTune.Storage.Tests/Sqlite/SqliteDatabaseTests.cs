using System.Diagnostics;
using HyperTune.Storage.History;
using HyperTune.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Open_NewFile_IsInWalModeWithSchemaVersionAndConnectionSettings()
    {
        var database = new SqliteDatabase(_directory.NewDatabasePath(), TimeSpan.FromSeconds(7));

        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode;"));
        Assert.Equal(7000L, await ScalarAsync(database, "PRAGMA busy_timeout;"));
        Assert.Equal(1L, await ScalarAsync(database, "PRAGMA synchronous;")); // NORMAL
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await ScalarAsync(database, "SELECT version FROM hypertune_schema WHERE component = 'hypertune';"));
        Assert.True(File.Exists(database.Path));
    }

    [Fact]
    public async Task Open_ExistingFile_KeepsDataAndSchemaVersion()
    {
        var path = _directory.NewDatabasePath();
        await new SqliteTrialHistoryStore(new SqliteDatabase(path)).UpsertAsync(new TrialHistoryRow("t", 1, 1, 0.1, 1, DateTimeOffset.UnixEpoch, "{}"));
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteDatabase(path);

        Assert.Equal(1L, await ScalarAsync(reopened, "SELECT count(*) FROM hypertune_schema;"));
        Assert.Single(await new SqliteTrialHistoryStore(reopened).ReadAsync("t"));
    }

    [Fact]
    public async Task Open_FileFromANewerHyperTune_FailsWithClearMessage()
    {
        var path = _directory.NewDatabasePath();
        await ScalarAsync(new SqliteDatabase(path), "UPDATE hypertune_schema SET version = 99;");
        SqliteConnection.ClearAllPools();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteDatabase(path).InitializeAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialize_ManyInstancesOnANewFileAtOnce_CreateTheSchemaOnce()
    {
        var path = _directory.NewDatabasePath();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new SqliteDatabase(path).InitializeAsync())));

        Assert.Equal(1L, await ScalarAsync(new SqliteDatabase(path), "SELECT count(*) FROM hypertune_schema;"));
    }

    [Fact]
    public async Task Writers_TwoInstancesOnOneFile_WriteConcurrentlyWithoutBusyErrors()
    {
        // Two database instances stand for two silo processes sharing the file; each runs several writers at once.
        var path = _directory.NewDatabasePath();
        var instances = new[] { new SqliteDatabase(path), new SqliteDatabase(path, TimeSpan.FromSeconds(29)) };
        await instances[0].InitializeAsync();
        const int WritersPerInstance = 4, EpochsPerWriter = 100;
        var checkpoint = new byte[64 * 1024];
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(instances.SelectMany((database, i) => Enumerable.Range(0, WritersPerInstance).Select(w => Task.Run(async () =>
        {
            var history = new SqliteTrialHistoryStore(database);
            var checkpoints = new SqliteCheckpointStore(database);
            var trial = $"trial-{i}-{w}";
            for (var epoch = 1; epoch <= EpochsPerWriter; epoch++)
            {
                await history.UpsertAsync(new TrialHistoryRow(trial, epoch, epoch, 0.1, 0.01, DateTimeOffset.UtcNow, "{\"loss\":1}"));
                if (epoch % 10 == 0)
                {
                    await checkpoints.SaveAsync(trial, epoch, checkpoint);
                }
            }
        }))));

        var elapsed = clock.Elapsed;
        var writes = instances.Length * WritersPerInstance * (EpochsPerWriter + (EpochsPerWriter / 10));
        output.WriteLine($"{instances.Length * WritersPerInstance} writers on one file: {writes} commits in {elapsed.TotalSeconds:F2} s ({writes / elapsed.TotalSeconds:F0} commits/s)");
        Assert.Equal((long)instances.Length * WritersPerInstance * EpochsPerWriter, await ScalarAsync(instances[1], "SELECT count(*) FROM trial_history;"));
        Assert.Equal((long)instances.Length * WritersPerInstance * EpochsPerWriter / 10, await ScalarAsync(instances[0], "SELECT count(*) FROM checkpoints;"));
    }

    [Fact]
    public void Constructor_NoPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SqliteDatabase(" "));
    }
}
