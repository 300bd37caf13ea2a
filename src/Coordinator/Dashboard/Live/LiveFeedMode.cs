namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>What a page's <see cref="LiveStudyFeed"/> reads beyond the study's changes.</summary>
public enum LiveFeedMode
{
    /// <summary>
    /// A study page: every trial's summary once subscribed; every trial's curve while the study has at most
    /// <see cref="DashboardOptions.AllCurvesUpTo"/> trials, else only the curves the page asks for.
    /// </summary>
    Study,

    /// <summary>A trial page: no summaries, only the curves the page asks for (its trial's).</summary>
    Trial,
}
