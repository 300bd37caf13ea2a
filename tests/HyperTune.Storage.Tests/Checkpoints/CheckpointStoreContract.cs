using HyperTune.Storage.Checkpoints;

namespace HyperTune.Storage.Tests.Checkpoints;

/// <summary>What every <see cref="ICheckpointStore"/> must do; each store's test class inherits these tests.</summary>
public abstract class CheckpointStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<ICheckpointStore> CreateStoreAsync();

    [Fact]
    public async Task SaveLoadListDelete_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var big = new byte[300_000];
        new Random(1).NextBytes(big);
        await store.SaveAsync("study/1:trial 2", 10, big.AsMemory(0, 250_000));
        await store.SaveAsync("study/1:trial 2", 5, new byte[] { 4 });
        await store.SaveAsync("other", 5, new byte[] { 9, 9 });

        Assert.Equal(big[..250_000], await store.LoadAsync("study/1:trial 2", 10));
        var listed = await store.ListAsync("study/1:trial 2");
        Assert.Equal([5, 10], listed.Select(c => c.Epoch));
        Assert.Equal([1L, 250_000L], listed.Select(c => c.SizeBytes));
        Assert.All(listed, c => Assert.Equal("study/1:trial 2", c.RunId));

        await store.DeleteAsync("study/1:trial 2", 10);
        await store.DeleteAsync("study/1:trial 2", 10);
        Assert.Null(await store.LoadAsync("study/1:trial 2", 10));
        Assert.Equal(new byte[] { 9, 9 }, await store.LoadAsync("other", 5));
    }

    [Fact]
    public async Task Save_SameEpochTwice_Replaces()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("run", 3, new byte[] { 1, 2, 3 });
        await store.SaveAsync("run", 3, new byte[] { 7 });

        Assert.Equal(new byte[] { 7 }, await store.LoadAsync("run", 3));
        Assert.Equal(1, Assert.Single(await store.ListAsync("run")).SizeBytes);
    }

    [Fact]
    public async Task Load_UnknownRun_ReturnsNullAndListIsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.LoadAsync("nobody", 1));
        Assert.Empty(await store.ListAsync("nobody"));
    }

    [Theory]
    [InlineData(17, new[] { 17, 49, 50 })]
    [InlineData(50, new[] { 49, 50 })]
    [InlineData(49, new[] { 49, 50 })]
    [InlineData(1, new[] { 1, 49, 50 })]
    public async Task Retention_FiftyEpochsCheckpointEveryEpochKeepTwoAndBest_LeavesExactlyThose(int bestEpoch, int[] expected)
    {
        var store = await CreateStoreAsync();
        var policy = new CheckpointRetentionPolicy(new CheckpointRetentionOptions { KeepLast = 2, KeepBest = true });
        int? best = null;
        for (var epoch = 1; epoch <= 50; epoch++)
        {
            await store.SaveAsync("trial-50", epoch, new byte[] { (byte)epoch });
            if (epoch <= bestEpoch)
            {
                best = epoch; // the metric improves until bestEpoch, then only gets worse
            }

            await policy.ApplyAsync(store, "trial-50", best);
            Assert.True((await store.ListAsync("trial-50")).Count <= 3, "never more than the last two and the best");
        }

        Assert.Equal(expected, (await store.ListAsync("trial-50")).Select(c => c.Epoch));
        Assert.Equal(new byte[] { (byte)bestEpoch }, await store.LoadAsync("trial-50", bestEpoch));
    }
}
