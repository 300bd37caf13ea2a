using HyperTune.Storage.Postgres;
using HyperTune.Storage.Studies;
using HyperTune.Storage.Tests.Studies;
using HyperTune.Testing;
using Npgsql;

namespace HyperTune.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudyStoreTests(PostgresServer server) : StudyStoreContract, IAsyncLifetime
{
    private readonly Dictionary<IStudyStore, string> _connectionStrings = [];
    private readonly List<PostgresDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    protected override async Task<IStudyStore> CreateStoreAsync()
    {
        var connectionString = await server.CreateDatabaseAsync("studies");
        var store = Open(connectionString);
        _connectionStrings[store] = connectionString;
        return store;
    }

    /// <summary>A second database object with its own data source (connection pool): a second silo process.</summary>
    protected override Task<IStudyStore> OpenAgainAsync(IStudyStore store) => Task.FromResult(Open(_connectionStrings[store]));

    private IStudyStore Open(string connectionString)
    {
        var database = new PostgresDatabase(connectionString);
        _databases.Add(database);
        return new PostgresStudyStore(database);
    }

    [Fact]
    public async Task Open_DatabaseOfSchemaVersionOne_IsUpgradedInPlace()
    {
        var connectionString = await server.CreateDatabaseAsync("upgrade");
        await using (var database = new PostgresDatabase(connectionString))
        {
            await database.InitializeAsync();
        }

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var command = dataSource.CreateCommand(
            "DROP TABLE hypertune_study_trials; DROP TABLE hypertune_studies; UPDATE hypertune_schema SET version = 1 WHERE component = 'hypertune';"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var store = Open(connectionString);

        Assert.Equal(1, await store.WriteAsync("s", new StudyWrite(Bytes("h"), [Trial(1, "one")]), 0));
        Assert.Single((await store.ReadAsync("s"))!.Trials);
    }
}
