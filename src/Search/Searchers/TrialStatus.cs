namespace HyperTune.Search.Searchers;

/// <summary>Where a suggested trial stands, as far as its searcher knows.</summary>
public enum TrialStatus
{
    /// <summary>Suggested and not yet complete.</summary>
    Running,

    /// <summary>Ended with final metrics.</summary>
    Completed,

    /// <summary>Ended with an error.</summary>
    Failed,
}
