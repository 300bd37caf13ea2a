using HyperTune.Storage.History;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Tests.History;
using HyperTune.Testing;

namespace HyperTune.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrialHistoryStoreTests(PostgresServer server) : TrialHistoryStoreContract
{
    protected override async Task<ITrialHistoryStore> CreateStoreAsync() =>
        new PostgresTrialHistoryStore(new PostgresDatabase(await server.CreateDatabaseAsync("history")));
}
