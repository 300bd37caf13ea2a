using HyperTune.Storage.History;

namespace HyperTune.Storage.Tests.History;

public sealed class InMemoryTrialHistoryStoreTests : TrialHistoryStoreContract
{
    protected override Task<ITrialHistoryStore> CreateStoreAsync() => Task.FromResult<ITrialHistoryStore>(new InMemoryTrialHistoryStore());
}
