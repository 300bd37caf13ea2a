using System.Text.Json;
using HyperTune.Storage.History;

namespace HyperTune.Storage.Tests.History;

/// <summary>What every <see cref="ITrialHistoryStore"/> must do; each store's test class inherits these tests.</summary>
public abstract class TrialHistoryStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<ITrialHistoryStore> CreateStoreAsync();

    protected static TrialHistoryRow Row(string trial, int epoch, double loss) => new(
        trial, epoch, epoch * 32L, 0.01 / epoch, 0.25, Start.AddSeconds(epoch).AddTicks(1230),
        JsonSerializer.Serialize(new Dictionary<string, double> { ["train_loss"] = loss, ["val_accuracy"] = 1 - loss }));

    private static double Loss(TrialHistoryRow row) => JsonSerializer.Deserialize<Dictionary<string, double>>(row.MetricsJson)!["train_loss"];

    [Fact]
    public async Task UpsertRead_RoundTrip_ByEpoch()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync([Row("t1", 2, 0.5), Row("t1", 1, 0.9), Row("t2", 1, 0.1)]);

        var rows = await store.ReadAsync("t1");

        Assert.Equal([1, 2], rows.Select(r => r.Epoch));
        var first = rows[0];
        var expected = Row("t1", 1, 0.9);
        Assert.Equal((expected.TrialId, expected.Step, expected.LearningRate, expected.DurationSeconds), (first.TrialId, first.Step, first.LearningRate, first.DurationSeconds));
        Assert.Equal(expected.ReportedAt.UtcTicks / 10, first.ReportedAt.UtcTicks / 10);
        Assert.Equal(0.9, Loss(first));
        Assert.Empty(await store.ReadAsync("unknown"));
    }

    [Fact]
    public async Task Upsert_EpochRerunAfterResume_ReplacesInsteadOfDuplicating()
    {
        var store = await CreateStoreAsync();
        for (var epoch = 1; epoch <= 10; epoch++)
        {
            await store.UpsertAsync(Row("resumed", epoch, 1.0 / epoch));
        }

        // The silo died after epoch 10; the trial resumes from its checkpoint of epoch 8 and trains 9 and 10 again.
        for (var epoch = 9; epoch <= 12; epoch++)
        {
            await store.UpsertAsync(Row("resumed", epoch, 2.0 / epoch));
        }

        var rows = await store.ReadAsync("resumed");
        Assert.Equal(Enumerable.Range(1, 12), rows.Select(r => r.Epoch));
        Assert.Equal(2.0 / 9, Loss(rows[8]), 12);
        Assert.Equal(1.0 / 8, Loss(rows[7]), 12);
    }

    [Fact]
    public async Task Upsert_SameEpochTwiceInOneBatch_KeepsTheLast()
    {
        var store = await CreateStoreAsync();

        await store.UpsertAsync([Row("dup", 1, 0.9), Row("dup", 1, 0.4)]);

        Assert.Equal(0.4, Loss(Assert.Single(await store.ReadAsync("dup"))));
    }

    [Fact]
    public async Task DeleteAfter_TruncatesToTheCheckpointEpoch()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync([.. Enumerable.Range(1, 10).Select(e => Row("cut", e, 0.5)), Row("other", 10, 0.5)]);

        Assert.Equal(4, await store.DeleteAfterAsync("cut", 6));
        Assert.Equal(0, await store.DeleteAfterAsync("cut", 6));

        Assert.Equal(Enumerable.Range(1, 6), (await store.ReadAsync("cut")).Select(r => r.Epoch));
        Assert.Single(await store.ReadAsync("other"));
        Assert.Equal(6, await store.DeleteAfterAsync("cut", 0));
    }

    [Fact]
    public async Task Upsert_InvalidRow_ThrowsAndWritesNothing()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.UpsertAsync([Row("bad", 1, 0.5), Row("bad", -1, 0.5)]));

        Assert.Empty(await store.ReadAsync("bad"));
    }
}
