using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Tests.Checkpoints;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteCheckpointStoreTests : CheckpointStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<ICheckpointStore> CreateStoreAsync() =>
        Task.FromResult<ICheckpointStore>(new SqliteCheckpointStore(new SqliteDatabase(_directory.NewDatabasePath())));

    [Fact]
    public async Task Save_SurvivesReopeningTheFile()
    {
        var path = _directory.NewDatabasePath();
        await new SqliteCheckpointStore(new SqliteDatabase(path)).SaveAsync("run", 7, new byte[] { 1, 2 });

        var reopened = new SqliteCheckpointStore(new SqliteDatabase(path));

        Assert.Equal(new byte[] { 1, 2 }, await reopened.LoadAsync("run", 7));
    }
}
