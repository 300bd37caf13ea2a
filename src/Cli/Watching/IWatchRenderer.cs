using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Watching;

/// <summary>Shows a watched study: a live display on a terminal, plain lines otherwise.</summary>
internal interface IWatchRenderer
{
    /// <summary>Runs <paramref name="watch"/> with the display up, and takes it down after.</summary>
    Task<int> RunAsync(Func<Task<int>> watch);

    /// <summary>A study event arrived (<paramref name="previous"/> is null for the first).</summary>
    void StudyChanged(StudyWatchState state, Study? previous);

    /// <summary>A trial event arrived (<paramref name="previous"/> is null for a trial not seen before).</summary>
    void TrialChanged(StudyWatchState state, Trial trial, Trial? previous);

    /// <summary>A trial finished an epoch.</summary>
    void EpochReported(StudyWatchState state, EpochEvent report);

    /// <summary>The event stream dropped and the watcher connects again.</summary>
    void Reconnecting(StudyWatchState state);

    /// <summary>The study finished; the summary is due.</summary>
    void Ended(StudyWatchState state);
}
