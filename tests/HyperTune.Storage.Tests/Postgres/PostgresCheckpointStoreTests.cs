using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Tests.Checkpoints;
using HyperTune.Testing;

namespace HyperTune.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCheckpointStoreTests(PostgresServer server) : CheckpointStoreContract
{
    protected override async Task<ICheckpointStore> CreateStoreAsync() =>
        new PostgresCheckpointStore(new PostgresDatabase(await server.CreateDatabaseAsync("ckpt")));
}
