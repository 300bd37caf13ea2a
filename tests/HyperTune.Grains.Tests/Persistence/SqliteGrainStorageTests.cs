using System.Collections.Immutable;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Persistence;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Trials;
using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.History;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Studies;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace HyperTune.Grains.Tests.Persistence;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-grainstorage-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddHyperTuneSerializers()).BuildServiceProvider();

    private string DatabasePath => Path.Combine(_directory, "hypertune.db");

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteGrainStorage NewStorage(string service = "svc") =>
        new(GrainStorageNames.Default, new SqliteDatabase(DatabasePath), service, new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));

    private static TrialGrainState SampleTrial() => new()
    {
        State = TrialState.Running,
        Silo = "silo-1",
        StartedAt = At,
        Epochs = [new EpochMetrics(1, 32, ImmutableDictionary<string, double>.Empty.Add("val_loss", 0.5), 0.01, 0.2, At)],
        Checkpoints = [new CheckpointRecord(1, 1234, At)],
    };

    [Fact]
    public async Task WriteRead_TrialState_RoundTrips()
    {
        var storage = NewStorage();
        var grain = GrainId.Create("trial", "s1-t1");
        var written = new GrainState<TrialGrainState> { State = SampleTrial() };

        await storage.WriteStateAsync("trial", grain, written);
        var read = new GrainState<TrialGrainState>();
        await storage.ReadStateAsync("trial", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(TrialState.Running, read.State!.State);
        Assert.Empty(read.State!.Epochs); // the epochs live in the trial history store, not in the state
        Assert.Equal(1234, Assert.Single(read.State.Checkpoints).SizeBytes);
    }

    [Fact]
    public async Task Read_NeverWritten_GivesANewStateAndNoRecord()
    {
        var read = new GrainState<StudyGrainState>();

        await NewStorage().ReadStateAsync("study", GrainId.Create("study", "none"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Empty(read.State.Trials);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentState()
    {
        var storage = NewStorage();
        var grain = GrainId.Create("study", "s1");
        var first = new GrainState<StudyGrainState> { State = new StudyGrainState { SpecJson = "{}" } };
        await storage.WriteStateAsync("study", grain, first);
        var stale = new GrainState<StudyGrainState> { State = first.State, ETag = first.ETag };
        await storage.WriteStateAsync("study", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("study", grain, stale));
    }

    [Fact]
    public async Task Clear_ThenRead_GivesANewStateAndLaterWritesWork()
    {
        var storage = NewStorage();
        var grain = GrainId.Create("study", "s2");
        var state = new GrainState<StudyGrainState> { State = new StudyGrainState { SpecJson = "{\"name\":\"x\"}" } };
        await storage.WriteStateAsync("study", grain, state);

        await storage.ClearStateAsync("study", grain, state);
        var read = new GrainState<StudyGrainState>();
        await storage.ReadStateAsync("study", grain, read);

        Assert.False(read.RecordExists);
        Assert.Equal(string.Empty, read.State!.SpecJson);
        await storage.WriteStateAsync("study", grain, read);
    }

    [Fact]
    public async Task Reopen_AfterDisposingEverything_ReadsTheSameState()
    {
        var grain = GrainId.Create("trial", "s1-t2");
        await NewStorage().WriteStateAsync("trial", grain, new GrainState<TrialGrainState> { State = SampleTrial() });
        SqliteConnection.ClearAllPools();

        var read = new GrainState<TrialGrainState>();
        await NewStorage().ReadStateAsync("trial", grain, read);

        Assert.Equal(At, read.State!.StartedAt);
        Assert.Single(read.State.Checkpoints);
    }

    [Fact]
    public async Task Silo_FullRestart_KeepsGrainStateCheckpointsHistoryAndStudyRecords()
    {
        // One silo process writes through every store, stops, and a new one on the same file reads everything back.
        await using (var silo = await TestSilo.StartAsync(_directory, (s, siloPort, gatewayPort) =>
            s.UseLocalhostClustering(siloPort, gatewayPort).AddHyperTuneSqliteStorage(DatabasePath)))
        {
            await silo.Grains.GetGrain<IStudyRegistryGrain>(0).RegisterAsync("study-before-restart");
            await silo.Services.GetRequiredService<ICheckpointStore>().SaveAsync("s1-t1", 5, new byte[] { 5 });
            await silo.Services.GetRequiredService<ITrialHistoryStore>().UpsertAsync(EpochHistoryRows.ToRow("s1-t1", SampleTrial().Epochs[0]));
            await silo.Services.GetRequiredService<IStudyStore>().WriteAsync("s1", new StudyWrite([1], [new StoredStudyTrial(1, [2])]), 0);
            await silo.Services.GetRequiredService<IReminderTable>().UpsertRow(new ReminderEntry
            {
                GrainId = GrainId.Create("study", "s1"), ReminderName = "watch", StartAt = At.UtcDateTime, Period = TimeSpan.FromMinutes(1),
            });
        }

        SqliteConnection.ClearAllPools();
        await using var restarted = await TestSilo.StartAsync(_directory, (s, siloPort, gatewayPort) =>
            s.UseLocalhostClustering(siloPort, gatewayPort).AddHyperTuneSqliteStorage(DatabasePath));

        Assert.Equal(["study-before-restart"], (await restarted.Grains.GetGrain<IStudyRegistryGrain>(0).ListAsync()).ToArray());
        Assert.Equal(new byte[] { 5 }, await restarted.Services.GetRequiredService<ICheckpointStore>().LoadAsync("s1-t1", 5));
        var epoch = EpochHistoryRows.ToEpochMetrics(Assert.Single(await restarted.Services.GetRequiredService<ITrialHistoryStore>().ReadAsync("s1-t1")));
        Assert.Equal(0.5, epoch.Metrics["val_loss"]);
        Assert.IsType<SqliteCheckpointStore>(restarted.Services.GetRequiredService<ICheckpointStore>());
        var study = await restarted.Services.GetRequiredService<IStudyStore>().ReadAsync("s1");
        Assert.Equal(1, study!.Version);
        Assert.Equal([(byte)1], study.Header);
        Assert.Equal([(byte)2], Assert.Single(study.Trials).Payload);
        var reminder = await restarted.Services.GetRequiredService<IReminderTable>().ReadRow(GrainId.Create("study", "s1"), "watch");
        Assert.Equal(TimeSpan.FromMinutes(1), reminder!.Period);
        Assert.Single((await restarted.Services.GetRequiredService<IReminderTable>().ReadRows(0, 0)).Reminders);
    }
}
