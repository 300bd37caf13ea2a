namespace HyperTune.Search.Specs;

/// <summary>What a CSV loader does with an empty feature cell.</summary>
public enum MissingValuePolicy
{
    /// <summary>An empty cell is an error naming its line and column (the default).</summary>
    Error,

    /// <summary>Rows with an empty cell are skipped and counted.</summary>
    DropRow,

    /// <summary>An empty cell takes the mean of its column over the training split.</summary>
    FillMean,
}
