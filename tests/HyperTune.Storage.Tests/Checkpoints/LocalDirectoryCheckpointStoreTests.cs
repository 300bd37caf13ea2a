using HyperTune.Storage.Checkpoints;

namespace HyperTune.Storage.Tests.Checkpoints;

public sealed class LocalDirectoryCheckpointStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SaveLoadListDelete_RoundTrip()
    {
        var store = new LocalDirectoryCheckpointStore(_directory);
        await store.SaveAsync("study/1:trial 2", 10, new byte[] { 1, 2, 3 });
        await store.SaveAsync("study/1:trial 2", 5, new byte[] { 4 });

        Assert.Equal(new byte[] { 1, 2, 3 }, await store.LoadAsync("study/1:trial 2", 10));
        Assert.Equal([5, 10], (await store.ListAsync("study/1:trial 2")).Select(c => c.Epoch));
        Assert.Equal(3, (await store.ListAsync("study/1:trial 2"))[1].SizeBytes);

        await store.DeleteAsync("study/1:trial 2", 10);
        Assert.Null(await store.LoadAsync("study/1:trial 2", 10));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Load_UnknownRun_ReturnsNullAndListIsEmpty()
    {
        var store = new LocalDirectoryCheckpointStore(_directory);

        Assert.Null(await store.LoadAsync("nobody", 1));
        Assert.Empty(await store.ListAsync("nobody"));
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
