namespace HyperTune.Search.Searchers;

/// <summary>What a searcher answered to <see cref="ISearcher.Suggest"/>.</summary>
public enum SuggestStatus
{
    /// <summary>A config to run.</summary>
    Suggested,

    /// <summary>No config now, but maybe after more trials complete (e.g. a model-based searcher waiting for results). Ask again later.</summary>
    Wait,

    /// <summary>The space or the trial budget is used up; the searcher will suggest nothing more.</summary>
    Finished,
}
