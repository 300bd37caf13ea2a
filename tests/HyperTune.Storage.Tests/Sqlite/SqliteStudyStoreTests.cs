using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Studies;
using HyperTune.Storage.Tests.Studies;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteStudyStoreTests : StudyStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<IStudyStore, string> _paths = [];

    public void Dispose() => _directory.Dispose();

    protected override Task<IStudyStore> CreateStoreAsync()
    {
        var path = _directory.NewDatabasePath();
        var store = new SqliteStudyStore(new SqliteDatabase(path));
        _paths[store] = path;
        return Task.FromResult<IStudyStore>(store);
    }

    /// <summary>A second database instance on the same file, with its own connection pool: a second silo process.</summary>
    protected override Task<IStudyStore> OpenAgainAsync(IStudyStore store) =>
        Task.FromResult<IStudyStore>(new SqliteStudyStore(new SqliteDatabase(_paths[store])));

    [Fact]
    public async Task Open_DatabaseOfSchemaVersionTwo_IsUpgradedInPlaceKeepingItsData()
    {
        var path = _directory.NewDatabasePath();
        var database = new SqliteDatabase(path);
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // What a version-2 file looks like: no study tables, a reminder in place.
            command.CommandText = """
                DROP TABLE study_trials; DROP TABLE studies; UPDATE hypertune_schema SET version = 2;
                INSERT INTO reminders VALUES ('svc', 'g/1', 'r', '2026-01-01T00:00:00.0000000+00:00', 1000, 1, 1);
                """;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var reopened = new SqliteDatabase(path);
        var store = new SqliteStudyStore(reopened);

        var version = await store.WriteAsync("s", new StudyWrite(Bytes("h"), [Trial(1, "one")]), 0);

        Assert.Equal(1, version);
        Assert.Single((await store.ReadAsync("s"))!.Trials);
        Assert.Single(await new SqliteReminderStore(reopened, "svc").ReadAsync("g/1"));
        await using var check = await reopened.OpenAsync();
        await using var read = check.CreateCommand();
        read.CommandText = "SELECT version FROM hypertune_schema WHERE component = 'hypertune';";
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await read.ExecuteScalarAsync());
    }
}
