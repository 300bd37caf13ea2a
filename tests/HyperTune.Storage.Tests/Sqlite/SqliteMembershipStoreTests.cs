using HyperTune.Storage.Membership;
using HyperTune.Storage.Sqlite;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteMembershipStoreTests : IDisposable
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static StoredSilo Silo(int generation, int port = 11111, int status = 2, int proxyPort = 30000, DateTimeOffset? alive = null) =>
        new("127.0.0.1", port, generation, "silo-" + generation, "host", status, proxyPort, null, At, alive ?? At);

    private async Task<SqliteMembershipStore> InitializedStoreAsync(string cluster = "c1")
    {
        var store = new SqliteMembershipStore(new SqliteDatabase(_directory.NewDatabasePath()), cluster);
        Assert.True(await store.InitializeAsync());
        return store;
    }

    [Fact]
    public async Task ReadAll_BeforeInitialize_IsVersionZeroOnWhichNoWriteSucceeds()
    {
        var store = new SqliteMembershipStore(new SqliteDatabase(_directory.NewDatabasePath()), "c1");

        var table = await store.ReadAllAsync();

        Assert.Equal((0, "0"), (table.Version, table.VersionETag));
        Assert.Empty(table.Members);
        Assert.False(await store.InsertAsync(Silo(1), table.VersionETag, 1));
        Assert.Empty((await store.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Initialize_Twice_CreatesTheVersionOnceAndKeepsIt()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));

        Assert.False(await store.InitializeAsync());

        var table = await store.ReadAllAsync();
        Assert.Equal(1, table.Version);
        Assert.Single(table.Members);
    }

    [Fact]
    public async Task Insert_CurrentVersionETag_AddsTheRowAndSetsTheVersionWithNewETags()
    {
        var store = await InitializedStoreAsync();
        var empty = await store.ReadAllAsync();

        Assert.True(await store.InsertAsync(Silo(1), empty.VersionETag, empty.Version + 1));

        var table = await store.ReadAllAsync();
        Assert.Equal(1, table.Version);
        Assert.NotEqual(empty.VersionETag, table.VersionETag);
        var member = Assert.Single(table.Members);
        Assert.Equal(Silo(1), member.Silo);
        Assert.False(string.IsNullOrEmpty(member.ETag));
    }

    [Fact]
    public async Task Insert_StaleVersionETag_FailsAndChangesNothing()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var before = await store.ReadAllAsync();

        Assert.False(await store.InsertAsync(Silo(2), "0", 2));

        var after = await store.ReadAllAsync();
        Assert.Equal((before.Version, before.VersionETag), (after.Version, after.VersionETag));
        Assert.Equal(Silo(1), Assert.Single(after.Members).Silo);
    }

    [Fact]
    public async Task Insert_RowThatExists_Fails()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var table = await store.ReadAllAsync();

        Assert.False(await store.InsertAsync(Silo(1) with { SiloName = "again" }, table.VersionETag, table.Version + 1));

        var after = await store.ReadAllAsync();
        Assert.Equal(table.Version, after.Version);
        Assert.Equal("silo-1", Assert.Single(after.Members).Silo.SiloName);
    }

    [Fact]
    public async Task Insert_NewGenerationOfTheSameEndpoint_IsANewRow()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var table = await store.ReadAllAsync();

        Assert.True(await store.InsertAsync(Silo(2), table.VersionETag, table.Version + 1));

        Assert.Equal([1, 2], (await store.ReadAllAsync()).Members.Select(m => m.Silo.Generation).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Write_VersionNotAboveTheStoredOne_FailsSoTheVersionNeverDecreases(int offset)
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 5));
        var table = await store.ReadAllAsync();
        var member = table.Members[0];

        Assert.False(await store.InsertAsync(Silo(2), table.VersionETag, table.Version + offset));
        Assert.False(await store.UpdateAsync(member.Silo with { Status = Active }, member.ETag, table.VersionETag, table.Version + offset));

        Assert.Equal(5, (await store.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task Update_CurrentETags_ReplacesTheRowAndGivesNewETags()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var table = await store.ReadAllAsync();
        var member = table.Members[0];
        var changed = member.Silo with { Status = Active, SuspectTimes = "a,b", IAmAliveTime = At.AddSeconds(9), SiloName = "renamed", ProxyPort = 30009 };

        Assert.True(await store.UpdateAsync(changed, member.ETag, table.VersionETag, table.Version + 1));

        var after = await store.ReadAllAsync();
        Assert.Equal(2, after.Version);
        Assert.NotEqual(table.VersionETag, after.VersionETag);
        var updated = Assert.Single(after.Members);
        Assert.Equal(changed, updated.Silo);
        Assert.NotEqual(member.ETag, updated.ETag);
    }

    [Fact]
    public async Task Update_StaleRowETag_FailsAndChangesNothing()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        Assert.True(await store.InsertAsync(Silo(2), (await store.ReadAllAsync()).VersionETag, 2));
        var first = (await store.ReadAsync("127.0.0.1", 11111, 1)).Members[0];
        var table = await store.ReadAllAsync();
        Assert.True(await store.UpdateAsync(first.Silo with { Status = Active }, first.ETag, table.VersionETag, 3));
        table = await store.ReadAllAsync();

        // The version ETag is current, the row's is the one from before the last update.
        Assert.False(await store.UpdateAsync(first.Silo with { Status = Dead }, first.ETag, table.VersionETag, 4));

        var after = await store.ReadAllAsync();
        Assert.Equal((3, table.VersionETag), (after.Version, after.VersionETag));
        Assert.Equal(Active, after.Members.Single(m => m.Silo.Generation == 1).Silo.Status);
    }

    [Fact]
    public async Task Update_StaleVersionETag_FailsEvenWithTheCurrentRowETag()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var stale = await store.ReadAllAsync();
        Assert.True(await store.InsertAsync(Silo(2), stale.VersionETag, 2)); // another silo's write moves the version on
        var row = (await store.ReadAsync("127.0.0.1", 11111, 1)).Members[0];
        Assert.Equal(stale.Members[0].ETag, row.ETag);

        Assert.False(await store.UpdateAsync(row.Silo with { Status = Dead }, row.ETag, stale.VersionETag, stale.Version + 1));

        Assert.Equal(2, (await store.ReadAllAsync()).Version);
        Assert.Equal(2, (await store.ReadAsync("127.0.0.1", 11111, 1)).Members[0].Silo.Status);
    }

    [Fact]
    public async Task Update_MissingRow_Fails()
    {
        var store = await InitializedStoreAsync();

        Assert.False(await store.UpdateAsync(Silo(1), "0", "0", 1));

        Assert.Equal(0, (await store.ReadAllAsync()).Version);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task Write_AnETagThisStoreNeverGave_FailsWithoutThrowing(string bad)
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var table = await store.ReadAllAsync();
        var row = table.Members[0];

        Assert.False(await store.UpdateAsync(row.Silo, bad, table.VersionETag, table.Version + 1));
        Assert.False(await store.UpdateAsync(row.Silo, row.ETag, bad, table.Version + 1));
        Assert.False(await store.InsertAsync(Silo(2), bad, table.Version + 1));

        Assert.True(await store.UpdateAsync(row.Silo, row.ETag, table.VersionETag, table.Version + 1));
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesOnlyThatTime()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        var before = await store.ReadAllAsync();

        Assert.True(await store.UpdateIAmAliveAsync("127.0.0.1", 11111, 1, At.AddMinutes(3)));
        Assert.False(await store.UpdateIAmAliveAsync("127.0.0.1", 11111, 7, At.AddMinutes(3)));

        var after = await store.ReadAllAsync();
        Assert.Equal((before.Version, before.VersionETag), (after.Version, after.VersionETag));
        var member = Assert.Single(after.Members);
        Assert.Equal(before.Members[0].ETag, member.ETag);
        Assert.Equal(before.Members[0].Silo with { IAmAliveTime = At.AddMinutes(3) }, member.Silo);
    }

    [Fact]
    public async Task ReadRow_GivesThatRowWithTheVersion_OrNoRow()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        Assert.True(await store.InsertAsync(Silo(2, port: 11112), (await store.ReadAllAsync()).VersionETag, 2));
        var all = await store.ReadAllAsync();

        var one = await store.ReadAsync("127.0.0.1", 11112, 2);
        var none = await store.ReadAsync("127.0.0.1", 11112, 1);

        Assert.Equal((all.Version, all.VersionETag), (one.Version, one.VersionETag));
        Assert.Equal(Silo(2, port: 11112), Assert.Single(one.Members).Silo);
        Assert.Equal((all.Version, all.VersionETag), (none.Version, none.VersionETag));
        Assert.Empty(none.Members);
    }

    [Fact]
    public async Task DeleteDefunct_RemovesOnlyOldRowsNotInTheKeptStatus()
    {
        var store = await InitializedStoreAsync();
        var old = At.AddDays(-10);
        StoredSilo[] silos =
        [
            Silo(1, status: Dead, alive: old) with { StartTime = old },
            Silo(2, status: 2, alive: old) with { StartTime = old },
            Silo(3, status: Active, alive: old) with { StartTime = old },
            Silo(4, status: Dead, alive: At),
            Silo(5, status: Dead, alive: old), // started recently: not defunct
        ];
        foreach (var silo in silos)
        {
            var table = await store.ReadAllAsync();
            Assert.True(await store.InsertAsync(silo, table.VersionETag, table.Version + 1));
        }

        var version = (await store.ReadAllAsync()).Version;

        Assert.Equal(2, await store.DeleteDefunctAsync(At.AddDays(-3), keepStatus: Active));

        var after = await store.ReadAllAsync();
        Assert.Equal([3, 4, 5], after.Members.Select(m => m.Silo.Generation).Order());
        Assert.Equal(version, after.Version);
    }

    [Fact]
    public async Task ReadGateways_OnlySilosInTheStatusWithAGatewayPort()
    {
        var store = await InitializedStoreAsync();
        foreach (var silo in new[] { Silo(1, status: Active, proxyPort: 30001), Silo(2, status: Active, proxyPort: 0), Silo(3, status: Dead, proxyPort: 30003), Silo(4, port: 11114, status: Active, proxyPort: 30004) })
        {
            var table = await store.ReadAllAsync();
            Assert.True(await store.InsertAsync(silo, table.VersionETag, table.Version + 1));
        }

        var gateways = await store.ReadGatewaysAsync(Active);

        Assert.Equal([new StoredGateway("127.0.0.1", 30001, 1), new StoredGateway("127.0.0.1", 30004, 4)], gateways);
    }

    [Fact]
    public async Task Clusters_InOneFile_NeverSeeEachOther()
    {
        var path = _directory.NewDatabasePath();
        var one = new SqliteMembershipStore(new SqliteDatabase(path), "one");
        var two = new SqliteMembershipStore(new SqliteDatabase(path), "two");
        await one.InitializeAsync();
        await two.InitializeAsync();

        Assert.True(await one.InsertAsync(Silo(1), "0", 1));
        await two.DeleteAllAsync();

        Assert.Single((await one.ReadAllAsync()).Members);
        Assert.Empty((await two.ReadAllAsync()).Members);
        Assert.Equal(1, (await one.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task DeleteAll_RemovesRowsAndVersion()
    {
        var store = await InitializedStoreAsync();
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));

        await store.DeleteAllAsync();

        var table = await store.ReadAllAsync();
        Assert.Equal(0, table.Version);
        Assert.Empty(table.Members);
        Assert.True(await store.InitializeAsync());
    }

    [Fact]
    public async Task Open_DatabaseOfSchemaVersionTwo_GainsTheMembershipTablesAndKeepsItsData()
    {
        var path = _directory.NewDatabasePath();
        var reminders = new SqliteReminderStore(new SqliteDatabase(path), "svc");
        await reminders.UpsertAsync("g/1", "r", At, TimeSpan.FromSeconds(1), 1);
        await using (var connection = await new SqliteDatabase(path).OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // What a version-2 file looks like: no membership tables.
            command.CommandText = "DROP TABLE membership_silos; DROP TABLE membership_versions; UPDATE hypertune_schema SET version = 2;";
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var store = new SqliteMembershipStore(new SqliteDatabase(path), "c1");

        Assert.True(await store.InitializeAsync());
        Assert.True(await store.InsertAsync(Silo(1), "0", 1));
        Assert.Single(await new SqliteReminderStore(new SqliteDatabase(path), "svc").ReadAsync("g/1"));
    }

    [Fact]
    public async Task Insert_TwoInstancesOnOneFileRaceForTheSameVersion_ExactlyOneWinsEveryRound()
    {
        // Two database instances on one file stand for two silo processes; each round both read the same version and
        // try to add their own row with it, released at the same moment.
        var path = _directory.NewDatabasePath();
        var stores = new[] { new SqliteMembershipStore(new SqliteDatabase(path), "race"), new SqliteMembershipStore(new SqliteDatabase(path), "race") };
        await stores[0].InitializeAsync();
        const int Rounds = 100;
        for (var round = 0; round < Rounds; round++)
        {
            var table = await stores[0].ReadAllAsync();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = stores.Select((store, i) => Task.Run(async () =>
            {
                await go.Task;
                return await store.InsertAsync(Silo(generation: (round * 2) + i + 1), table.VersionETag, table.Version + 1);
            })).ToArray();
            go.SetResult();

            var results = await Task.WhenAll(attempts);

            Assert.Equal(1, results.Count(won => won));
        }

        var final = await stores[1].ReadAllAsync();
        Assert.Equal(Rounds, final.Version);
        Assert.Equal(Rounds, final.Members.Count);
    }

    [Fact]
    public async Task Update_ManyWritersOnTwoInstancesRetryingOnConflict_LoseNoUpdate_AndReadersSeeConsistentSnapshots()
    {
        // Each writer reads, bumps a counter kept in the row and writes conditionally, retrying on a conflict: with
        // correct optimistic concurrency every increment lands exactly once and the version counts every write. Every
        // write moves the counter and the version together, so a reader that sees them apart read two moments.
        var path = _directory.NewDatabasePath();
        var stores = new[] { new SqliteMembershipStore(new SqliteDatabase(path), "race"), new SqliteMembershipStore(new SqliteDatabase(path), "race") };
        await stores[0].InitializeAsync();
        Assert.True(await stores[0].InsertAsync(Silo(1) with { ProxyPort = 0 }, "0", 1));
        const int WritersPerInstance = 4, IncrementsPerWriter = 25;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = stores.SelectMany(store => Enumerable.Range(0, WritersPerInstance).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            for (var done = 0; done < IncrementsPerWriter;)
            {
                var table = await store.ReadAllAsync();
                var row = table.Members[0];
                if (await store.UpdateAsync(row.Silo with { ProxyPort = row.Silo.ProxyPort + 1 }, row.ETag, table.VersionETag, table.Version + 1))
                {
                    done++;
                }
            }
        }))).ToArray();
        var writing = Task.WhenAll(writers);
        var readers = stores.Select(store => Task.Run(async () =>
        {
            await go.Task;
            var torn = new List<string>();
            while (!writing.IsCompleted)
            {
                var table = await store.ReadAllAsync();
                if (table.Members[0].Silo.ProxyPort != table.Version - 1)
                {
                    torn.Add($"version {table.Version} with counter {table.Members[0].Silo.ProxyPort}");
                }
            }

            return torn;
        })).ToArray();
        go.SetResult();

        await writing;

        Assert.Empty((await Task.WhenAll(readers)).SelectMany(t => t));
        var final = await stores[0].ReadAllAsync();
        const int Total = 2 * WritersPerInstance * IncrementsPerWriter;
        Assert.Equal(Total, final.Members[0].Silo.ProxyPort);
        Assert.Equal(Total + 1, final.Version);
    }
}
