namespace HyperTune.Coordinator.Tests;

/// <summary>The tests that share one <see cref="CoordinatorFixture"/>: one cluster, one Coordinator.</summary>
[CollectionDefinition(Name)]
public sealed class CoordinatorCollection : ICollectionFixture<CoordinatorFixture>
{
    public const string Name = "coordinator";
}
