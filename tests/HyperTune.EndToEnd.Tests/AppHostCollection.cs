namespace HyperTune.EndToEnd.Tests;

/// <summary>The tests that share one running AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}
