using HyperTune.Testing;

namespace HyperTune.Storage.Tests;

/// <summary>Test classes that share one throwaway PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
