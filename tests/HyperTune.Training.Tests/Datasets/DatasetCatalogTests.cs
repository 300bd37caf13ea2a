using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class DatasetCatalogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DatasetSpec FakeSpec = new() { Kind = CountingDatasetSource.FakeKind, Seed = 3 };

    [Fact]
    public async Task GetOrLoad_EightConcurrentCallers_LoadsOnceAndSharesTheResult()
    {
        using var gate = new ManualResetEventSlim();
        using var source = new CountingDatasetSource(gate);
        var catalog = new DatasetCatalog([source]);

        var callers = StartCallers(catalog, 8, out var ready);
        using (ready)
        {
            Assert.True(ready.Wait(Patience));
            Assert.True(source.LoadStarted.Wait(Patience));
            gate.Set();
            var results = await Task.WhenAll(callers).WaitAsync(Patience);

            Assert.Equal(1, source.Loads);
            Assert.All(results, result => Assert.Same(results[0], result));
        }
    }

    [Fact]
    public async Task GetOrLoad_SharedLoadFails_EveryWaiterFailsAndTheNextCallRetries()
    {
        using var gate = new ManualResetEventSlim();
        using var source = new CountingDatasetSource(gate, failures: 1);
        var catalog = new DatasetCatalog([source]);

        var callers = StartCallers(catalog, 8, out var ready);
        using (ready)
        {
            Assert.True(ready.Wait(Patience));
            Assert.True(source.LoadStarted.Wait(Patience));
            gate.Set();
            await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(callers).WaitAsync(Patience));
        }

        Assert.All(callers, caller => Assert.True(caller.IsFaulted));
        Assert.Equal(1, source.Loads);

        var dataset = catalog.GetOrLoad(FakeSpec);

        Assert.Equal(2, source.Loads);
        Assert.Same(dataset, catalog.GetOrLoad(FakeSpec));
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public void GetOrLoad_AfterFailure_Retries()
    {
        using var source = new CountingDatasetSource(failures: 1);
        var catalog = new DatasetCatalog([source]);

        Assert.Throws<InvalidOperationException>(() => catalog.GetOrLoad(FakeSpec));
        var dataset = catalog.GetOrLoad(FakeSpec);

        Assert.NotNull(dataset);
        Assert.Equal(2, source.Loads);
        Assert.Equal(1, catalog.Count);
    }

    [Fact]
    public void GetOrLoad_EqualSpecs_LoadedOnceAndDistinctSpecsEach()
    {
        using var source = new CountingDatasetSource();
        var catalog = new DatasetCatalog([source]);

        var first = catalog.GetOrLoad(FakeSpec);
        var again = catalog.GetOrLoad(FakeSpec with { });
        var other = catalog.GetOrLoad(FakeSpec with { Seed = 4 });

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public void GetOrLoad_UnknownKind_ThrowsListingKnownKinds()
    {
        var catalog = new DatasetCatalog([new MoonsDatasetSource(), new BlobsDatasetSource()]);

        var ex = Assert.Throws<ArgumentException>(() => catalog.GetOrLoad(new DatasetSpec { Kind = "mnist" }));

        Assert.Contains("'mnist'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("moons, blobs", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, catalog.Count);
    }

    [Fact]
    public void GetOrLoad_RealSource_CachesThePreparedDataset()
    {
        var catalog = new DatasetCatalog([new MoonsDatasetSource()]);
        var spec = new DatasetSpec { Kind = DatasetKinds.Moons, Samples = 100 };

        Assert.Same(catalog.GetOrLoad(spec), catalog.GetOrLoad(spec));
    }

    [Fact]
    public void Evict_Cached_NextCallLoadsAgain()
    {
        using var source = new CountingDatasetSource();
        var catalog = new DatasetCatalog([source]);
        catalog.GetOrLoad(FakeSpec);

        Assert.True(catalog.Evict(FakeSpec));
        catalog.GetOrLoad(FakeSpec);

        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public void Constructor_TwoSourcesOfOneKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DatasetCatalog([new MoonsDatasetSource(), new MoonsDatasetSource()]));
    }

    [Fact]
    public void Default_KnowsEveryBuiltinKind()
    {
        Assert.Equal(DatasetKinds.All.Order(), DatasetCatalog.Default.Kinds.Order());
    }

    private static Task<PreparedDataset>[] StartCallers(DatasetCatalog catalog, int count, out CountdownEvent ready)
    {
        var started = new CountdownEvent(count);
        ready = started;
        return Enumerable.Range(0, count)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    started.Signal();
                    return catalog.GetOrLoad(FakeSpec);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();
    }
}
