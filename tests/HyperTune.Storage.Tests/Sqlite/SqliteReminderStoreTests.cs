using HyperTune.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteReminderStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UpsertReadDelete_RoundTripWithETags()
    {
        var store = new SqliteReminderStore(new SqliteDatabase(_directory.NewDatabasePath()), "svc");

        var first = await store.UpsertAsync("study/s1", "watch", Start, TimeSpan.FromMinutes(1), 42);
        var second = await store.UpsertAsync("study/s1", "watch", Start, TimeSpan.FromMinutes(2), 42);

        var read = await store.ReadAsync("study/s1", "watch");
        Assert.Equal(new StoredReminder("study/s1", "watch", Start, TimeSpan.FromMinutes(2), 42, second), read);
        Assert.NotEqual(first, second);
        Assert.False(await store.DeleteAsync("study/s1", "watch", first));
        Assert.True(await store.DeleteAsync("study/s1", "watch", second));
        Assert.Null(await store.ReadAsync("study/s1", "watch"));
    }

    [Fact]
    public async Task ReadRange_PlainAndWrappingAroundTheRing()
    {
        var store = new SqliteReminderStore(new SqliteDatabase(_directory.NewDatabasePath()), "svc");
        foreach (var hash in new[] { int.MinValue, -5, 0, 5, int.MaxValue })
        {
            await store.UpsertAsync($"g/{hash}", "r", Start, TimeSpan.FromSeconds(1), hash);
        }

        Assert.Equal([0, 5], (await store.ReadRangeAsync(-5, 5)).Select(r => r.GrainHash).Order());
        Assert.Equal([int.MinValue, -5, int.MaxValue], (await store.ReadRangeAsync(5, -5)).Select(r => r.GrainHash).Order());
        Assert.Equal(5, (await store.ReadRangeAsync(0, 0)).Count);
    }

    [Fact]
    public async Task Open_DatabaseOfSchemaVersionOne_IsUpgradedInPlace()
    {
        var path = _directory.NewDatabasePath();
        var database = new SqliteDatabase(path);
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // What a version-1 file looks like: no reminders table (nor the later membership tables).
            command.CommandText = "DROP TABLE reminders; DROP TABLE membership_silos; DROP TABLE membership_versions; UPDATE hypertune_schema SET version = 1;";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var store = new SqliteReminderStore(new SqliteDatabase(path), "svc");

        await store.UpsertAsync("g/1", "r", Start, TimeSpan.FromSeconds(1), 1);
        Assert.Single(await store.ReadAsync("g/1"));
    }
}
