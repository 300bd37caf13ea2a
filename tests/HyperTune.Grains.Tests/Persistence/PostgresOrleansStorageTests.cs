using System.Diagnostics;
using HyperTune.Abstractions.Studies;
using HyperTune.Grains.Persistence;
using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.History;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Studies;
using HyperTune.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace HyperTune.Grains.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresOrleansStorageTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-pgsilo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static void Configure(ISiloBuilder silo, string connectionString, int siloPort, int gatewayPort, string clusterId)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "hypertune-tests"));
        silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, siloPort, gatewayPort);
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (HyperTuneSiloBuilderExtensions.PostgresInvariant, connectionString));
        silo.AddHyperTunePostgresStorage(connectionString);
    }

    [Fact]
    public async Task Install_EmptyDatabaseThenAgainConcurrently_InstallsOnceAndStoresEveryQuery()
    {
        var connectionString = await server.CreateDatabaseAsync("orleans");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();

        Assert.True(await PostgresOrleansSchema.InstallAsync(dataSource));
        var first = clock.Elapsed;
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgresOrleansSchema.InstallAsync(dataSource)));

        output.WriteLine($"Orleans schema install on an empty database: {first.TotalMilliseconds:F0} ms; 3 concurrent re-runs: {(clock.Elapsed - first).TotalMilliseconds:F0} ms");
        Assert.All(again, Assert.False);
        Assert.Equal((long)PostgresOrleansSchema.Queries.Count, await ScalarAsync(connectionString, "SELECT count(*) FROM OrleansQuery;"));
        Assert.Equal(PostgresOrleansSchema.Version, await ScalarAsync(connectionString, $"SELECT version FROM hypertune_schema WHERE component = '{PostgresOrleansSchema.Component}';"));
    }

    [Fact]
    public async Task Silo_OnEmptyDatabase_InstallsSchemaJoinsThroughAdoNetClusteringAndSurvivesAFullRestart()
    {
        var connectionString = await server.CreateDatabaseAsync("silo");
        var clusterId = "c-" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        await using (var silo = await TestSilo.StartAsync(_directory, (s, siloPort, gatewayPort) => Configure(s, connectionString, siloPort, gatewayPort, clusterId)))
        {
            output.WriteLine($"silo start on an empty database (schema install included): {clock.Elapsed.TotalSeconds:F2} s");
            await silo.Grains.GetGrain<IStudyRegistryGrain>(0).RegisterAsync("study-a");
            await silo.Grains.GetGrain<IStudyRegistryGrain>(0).RegisterAsync("study-b");
            await silo.Services.GetRequiredService<ICheckpointStore>().SaveAsync("s-t1", 3, new byte[] { 3, 3 });
            await silo.Services.GetRequiredService<ITrialHistoryStore>().UpsertAsync(new TrialHistoryRow("s-t1", 1, 10, 0.1, 0.5, DateTimeOffset.UtcNow, "{\"val_loss\": 0.25}"));
            await silo.Services.GetRequiredService<IStudyStore>().WriteAsync("s", new StudyWrite([1], [new StoredStudyTrial(1, [2])]), 0);
            var reminders = silo.Services.GetRequiredService<IReminderTable>();
            var watch = GrainId.Create("study", "s-1");
            var etag = await reminders.UpsertRow(new ReminderEntry { GrainId = watch, ReminderName = "watch", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
            var newer = await reminders.UpsertRow(new ReminderEntry { GrainId = watch, ReminderName = "watch", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(2) });
            Assert.NotEqual(etag, newer);
            await reminders.UpsertRow(new ReminderEntry { GrainId = watch, ReminderName = "gone", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
            Assert.False(await reminders.RemoveRow(watch, "watch", etag!));
            var gone = await reminders.ReadRow(watch, "gone");
            Assert.True(await reminders.RemoveRow(watch, "gone", gone!.ETag!));
            Assert.Equal(1L, await ScalarAsync(connectionString, $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 3;"));
            Assert.Equal(1L, await ScalarAsync(connectionString, "SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL;"));
        }

        // The stopped silo said goodbye through the membership table (UpdateMembershipKey): it is Dead, not Active.
        Assert.Equal(1L, await ScalarAsync(connectionString, $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 6;"));
        clock.Restart();
        await using var restarted = await TestSilo.StartAsync(_directory, (s, siloPort, gatewayPort) => Configure(s, connectionString, siloPort, gatewayPort, clusterId));
        output.WriteLine($"silo restart on the installed database: {clock.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(["study-a", "study-b"], (await restarted.Grains.GetGrain<IStudyRegistryGrain>(0).ListAsync()).ToArray());
        Assert.Equal(new byte[] { 3, 3 }, await restarted.Services.GetRequiredService<ICheckpointStore>().LoadAsync("s-t1", 3));
        Assert.Single(await restarted.Services.GetRequiredService<ITrialHistoryStore>().ReadAsync("s-t1"));
        Assert.IsType<PostgresCheckpointStore>(restarted.Services.GetRequiredService<ICheckpointStore>());
        var study = await restarted.Services.GetRequiredService<IStudyStore>().ReadAsync("s");
        Assert.Equal(1, study!.Version);
        Assert.Equal([(byte)1], study.Header);
        Assert.Equal([(byte)2], Assert.Single(study.Trials).Payload);
        var kept = await restarted.Services.GetRequiredService<IReminderTable>().ReadRows(GrainId.Create("study", "s-1"));
        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(kept.Reminders).Period);
        var hash = GrainId.Create("study", "s-1").GetUniformHashCode();
        Assert.Single((await restarted.Services.GetRequiredService<IReminderTable>().ReadRows(hash - 1, hash)).Reminders);
        Assert.DoesNotContain((await restarted.Services.GetRequiredService<IReminderTable>().ReadRows(hash, hash - 1)).Reminders, r => r.ReminderName == "watch");
    }
}
