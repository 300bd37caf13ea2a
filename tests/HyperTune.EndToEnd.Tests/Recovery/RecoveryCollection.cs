namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>The process-level recovery tests: they start and kill silo processes, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RecoveryCollection
{
    public const string Name = "Silo processes";
}
