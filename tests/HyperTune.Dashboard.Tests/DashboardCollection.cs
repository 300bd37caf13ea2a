namespace HyperTune.Dashboard.Tests;

/// <summary>The tests that share one <see cref="DashboardFixture"/>: one cluster, one Coordinator, one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
