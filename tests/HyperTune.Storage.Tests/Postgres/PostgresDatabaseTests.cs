using System.Diagnostics;
using HyperTune.Storage.Postgres;
using HyperTune.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace HyperTune.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server, ITestOutputHelper output)
{
    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Initialize_ManySilosAtOnce_CreateTheSchemaOnceAndRecordItsVersion()
    {
        var connectionString = await server.CreateDatabaseAsync("schema");
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var database = new PostgresDatabase(connectionString);
            await database.InitializeAsync();
        }));

        output.WriteLine($"server started in {server.StartTime.TotalSeconds:F2} s; 4 concurrent schema installs took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(PostgresDatabase.SchemaVersion, await ScalarAsync(connectionString, "SELECT version FROM hypertune_schema WHERE component = 'hypertune';"));
        Assert.Equal(2L, await ScalarAsync(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('hypertune_checkpoints', 'hypertune_trial_history');"));
    }

    [Fact]
    public async Task Initialize_DatabaseFromANewerHyperTune_FailsWithClearMessage()
    {
        var connectionString = await server.CreateDatabaseAsync("newer");
        await using (var database = new PostgresDatabase(connectionString))
        {
            await database.InitializeAsync();
        }

        await ScalarAsync(connectionString, "UPDATE hypertune_schema SET version = 99 WHERE component = 'hypertune';");
        await using var newer = new PostgresDatabase(connectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ConnectionString_PooledConnectionsAreNotResetOnClose()
    {
        await using var database = new PostgresDatabase(server.AdminConnectionString);

        Assert.True(new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).NoResetOnClose);
    }
}
