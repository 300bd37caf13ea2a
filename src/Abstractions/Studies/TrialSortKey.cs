namespace HyperTune.Abstractions.Studies;

/// <summary>The order of a page of trials.</summary>
[GenerateSerializer]
public enum TrialSortKey
{
    /// <summary>By trial number (the order they started).</summary>
    Number,

    /// <summary>By the objective's latest value, best first (trials without a value last).</summary>
    Objective,

    /// <summary>By epochs finished, most first.</summary>
    Epoch,
}
