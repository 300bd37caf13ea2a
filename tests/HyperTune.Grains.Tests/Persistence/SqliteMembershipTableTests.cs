using System.Net;
using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Persistence;
using HyperTune.Storage.Sqlite;
using HyperTune.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;

namespace HyperTune.Grains.Tests.Persistence;

/// <summary>
/// Orleans' membership-table contract (IMembershipTable's documentation, and the cases of Orleans' own table tests)
/// against the SQLite table: versions and ETags decide every write, reads are consistent, and silos on one file form
/// one cluster in which no silo is special.
/// </summary>
public sealed class SqliteMembershipTableTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static int _generation;
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-membership-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hypertune.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<SqliteMembershipTable> NewTableAsync(string cluster = "c1", bool initialize = true)
    {
        var table = new SqliteMembershipTable(new SqliteDatabase(DatabasePath), cluster, NullLogger<SqliteMembershipTable>.Instance);
        await table.InitializeMembershipTable(initialize);
        return table;
    }

    private static MembershipEntry Entry(SiloStatus status = SiloStatus.Joining, int port = 11111) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, Interlocked.Increment(ref _generation)),
        HostName = "host",
        SiloName = "silo",
        Status = status,
        ProxyPort = 30000,
        SuspectTimes = [],
        StartTime = Now,
        IAmAliveTime = Now,
    };

    [Fact]
    public async Task ReadAll_NewTable_IsEmptyAtVersionZeroWithAnETag()
    {
        var data = await (await NewTableAsync()).ReadAll();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotNull(data.Version.VersionEtag);
    }

    [Fact]
    public async Task InsertRow_NextVersion_Succeeds_ThenTheSameVersionOrTheSameRowFails()
    {
        var table = await NewTableAsync();
        var entry = Entry();
        var next = (await table.ReadAll()).Version.Next();

        Assert.True(await table.InsertRow(entry, next));
        Assert.False(await table.InsertRow(entry, next));    // same row, old version
        Assert.False(await table.InsertRow(Entry(), next));  // new row, old version
        var data = await table.ReadAll();
        Assert.False(await table.InsertRow(entry, data.Version.Next())); // same row, current version

        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(next.VersionEtag, data.Version.VersionEtag);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task ReadRow_AfterInsert_GivesTheEntryWithAnETagAndTheVersion()
    {
        var table = await NewTableAsync();
        var entry = Entry();
        entry.SuspectTimes = [Tuple.Create(SiloAddress.New(IPAddress.Loopback, 11112, 7), Now.AddSeconds(3))];
        Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        Assert.True(await table.InsertRow(Entry(port: 11113), (await table.ReadAll()).Version.Next()));

        var data = await table.ReadRow(entry.SiloAddress);

        Assert.Equal(2, data.Version.Version);
        var (read, etag) = Assert.Single(data.Members);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(entry.ToFullString(), read.ToFullString());
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(DateTimeKind.Utc, read.IAmAliveTime.Kind);
        Assert.Equal(entry.SuspectTimes, read.SuspectTimes);
    }

    [Fact]
    public async Task ReadRow_UnknownSilo_GivesNoEntryAndTheVersion()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(), (await table.ReadAll()).Version.Next()));

        var data = await table.ReadRow(Entry().SiloAddress);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task UpdateRow_RightAndWrongETagsAndVersions()
    {
        var table = await NewTableAsync();
        var entry = Entry();
        var inserted = (await table.ReadAll()).Version.Next();
        Assert.True(await table.InsertRow(entry, inserted));
        var data = await table.ReadAll();
        var etag = data.TryGet(entry.SiloAddress)!.Item2;

        Assert.False(await table.UpdateRow(entry, etag, inserted));            // right row ETag, stale version
        entry.Status = SiloStatus.Active;
        entry.SuspectTimes!.Add(Tuple.Create(Entry().SiloAddress, Now.AddSeconds(1)));
        var next = data.Version.Next();
        Assert.True(await table.UpdateRow(entry, etag, next));                 // both current
        Assert.False(await table.UpdateRow(entry, etag, next));                // both stale now
        var after = await table.ReadAll();
        var (read, newETag) = after.TryGet(entry.SiloAddress)!;
        Assert.False(await table.UpdateRow(entry, newETag, next));             // current row ETag, stale version
        Assert.False(await table.UpdateRow(entry, etag, after.Version.Next())); // stale row ETag, current version

        Assert.Equal(entry.ToFullString(), read.ToFullString());
        Assert.NotEqual(etag, newETag);
        Assert.Equal(2, (await table.ReadAll()).Version.Version);
        Assert.Equal(newETag, (await table.ReadAll()).TryGet(entry.SiloAddress)!.Item2);
    }

    [Fact]
    public async Task UpdateRow_SiloNotInTheTable_Fails()
    {
        var table = await NewTableAsync();
        var data = await table.ReadAll();

        Assert.False(await table.UpdateRow(Entry(), data.Version.VersionEtag, data.Version.Next()));
    }

    [Fact]
    public async Task InsertRow_TwentyAtOnceOnTwoTables_OneWinsThenConcurrentUpdatesAllLand()
    {
        // Two table instances on one file, as two silo processes; as in Orleans' own parallel update test.
        var tables = new[] { await NewTableAsync(), await NewTableAsync() };
        var entry = Entry();
        var next = (await tables[0].ReadAll()).Version.Next();

        var inserts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => tables[i % 2].InsertRow(entry, next))));
        Assert.Single(inserts, won => won);

        await Task.WhenAll(Enumerable.Range(0, 19).Select(i => Task.Run(async () =>
        {
            var table = tables[i % 2];
            while (true)
            {
                var data = await table.ReadAll();
                var (row, etag) = data.TryGet(entry.SiloAddress)!;
                if (await table.UpdateRow(row, etag, data.Version.Next()))
                {
                    return;
                }
            }
        })));

        var final = await tables[1].ReadAll();
        Assert.Equal(20, final.Version.Version);
        Assert.Single(final.Members);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesTheTimeOnly_NotTheETagsOrVersion()
    {
        var table = await NewTableAsync();
        var entry = Entry();
        Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        var before = await table.ReadAll();

        // As Orleans calls it: an entry with only the address and the time.
        await table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = Now.AddSeconds(30) });

        var after = await table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        var (read, etag) = after.TryGet(entry.SiloAddress)!;
        Assert.Equal(before.TryGet(entry.SiloAddress)!.Item2, etag);
        Assert.Equal(Now.AddSeconds(30), read.IAmAliveTime);
        Assert.Equal((entry.Status, entry.StartTime, entry.SiloName), (read.Status, read.StartTime, read.SiloName));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOldEntriesOfEveryStatusButActive()
    {
        var table = await NewTableAsync();
        var fresh = Entry();
        Assert.True(await table.InsertRow(fresh, (await table.ReadAll()).Version.Next()));
        var old = new List<MembershipEntry>();
        foreach (var status in Enum.GetValues<SiloStatus>())
        {
            var entry = Entry(status);
            entry.StartTime = entry.IAmAliveTime = Now.AddDays(-10);
            old.Add(entry);
            Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntries(Now.AddDays(-7));

        var left = (await table.ReadAll()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal([fresh.SiloAddress, old.Single(e => e.Status == SiloStatus.Active).SiloAddress], left);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_RemovesThatClusterOnly()
    {
        var one = await NewTableAsync("one");
        var two = await NewTableAsync("two");
        Assert.True(await one.InsertRow(Entry(), (await one.ReadAll()).Version.Next()));
        Assert.True(await two.InsertRow(Entry(), (await two.ReadAll()).Version.Next()));

        await one.DeleteMembershipTableEntries("two");

        Assert.Single((await one.ReadAll()).Members);
        Assert.Empty((await two.ReadAll()).Members);
    }

    [Fact]
    public async Task Silos_OnOneFile_FormOneClusterThatOutlivesTheFirstAndTakesInANewOne()
    {
        var clusterId = "c-" + Guid.NewGuid().ToString("N")[..8];
        void Configure(ISiloBuilder silo, int siloPort, int gatewayPort)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "hypertune-tests"));
            silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.TableRefreshTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseHyperTuneSqliteClustering(DatabasePath);
            silo.AddHyperTuneSqliteStorage(DatabasePath);
        }

        var first = await TestSilo.StartAsync(_directory, Configure);
        await using var second = await TestSilo.StartAsync(_directory, Configure);
        var directory = second.Grains.GetGrain<ISlotDirectoryGrain>(0);
        await Eventually.HoldsAsync(async () => (await directory.GetClusterAsync()).Silos.Length == 2, "both silos offer their slots");

        await first.DisposeAsync(); // the first silo, the one localhost clustering would have made primary
        await using var third = await TestSilo.StartAsync(_directory, Configure);

        var table = await NewTableAsync(clusterId, initialize: false);
        var statuses = (await table.ReadAll()).Members.Select(m => m.Item1.Status).Order().ToArray();
        Assert.Equal([SiloStatus.Active, SiloStatus.Active, SiloStatus.Dead], statuses);
        await Eventually.HoldsAsync(async () => (await third.Grains.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync()).Silos.Length == 2, "the second and third silos offer their slots");
    }
}
