using HyperTune.Storage.History;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Tests.History;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteTrialHistoryStoreTests : TrialHistoryStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<ITrialHistoryStore> CreateStoreAsync() =>
        Task.FromResult<ITrialHistoryStore>(new SqliteTrialHistoryStore(new SqliteDatabase(_directory.NewDatabasePath())));

    [Fact]
    public async Task Read_NaNLearningRate_ComesBackAsNaN()
    {
        var store = await CreateStoreAsync();

        await store.UpsertAsync(Row("nan", 1, 0.5) with { LearningRate = double.NaN });

        Assert.True(double.IsNaN(Assert.Single(await store.ReadAsync("nan")).LearningRate));
    }
}
