namespace HyperTune.Abstractions.RangeTests;

/// <summary>Where a learning-rate range test is.</summary>
[GenerateSerializer]
public enum RangeTestState
{
    /// <summary>Ramping.</summary>
    Running,

    /// <summary>Done: the result holds the curve, the suggestion and the bounds.</summary>
    Completed,

    /// <summary>An error ended it (bad data, no finite loss, its silo died); the error says which.</summary>
    Failed,
}
