using HyperTune.Storage.Checkpoints;

namespace HyperTune.Storage.Tests.Checkpoints;

public sealed class LocalDirectoryCheckpointStoreTests : CheckpointStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    protected override Task<ICheckpointStore> CreateStoreAsync() =>
        Task.FromResult<ICheckpointStore>(new LocalDirectoryCheckpointStore(Path.Combine(_directory, Guid.NewGuid().ToString("N"))));

    [Fact]
    public async Task Save_LeavesNoTemporaryFiles()
    {
        var store = new LocalDirectoryCheckpointStore(_directory);

        await store.SaveAsync("run", 1, new byte[] { 1, 2, 3 });

        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Save_RunIdWithDotDot_StaysInsideTheRoot()
    {
        var store = new LocalDirectoryCheckpointStore(Path.Combine(_directory, "root"));

        await store.SaveAsync("../escape", 1, new byte[] { 1 });

        Assert.Empty(Directory.GetFiles(_directory, "*.ckpt", SearchOption.TopDirectoryOnly));
        Assert.Single(Directory.GetFiles(Path.Combine(_directory, "root"), "*.ckpt", SearchOption.AllDirectories));
    }
}
