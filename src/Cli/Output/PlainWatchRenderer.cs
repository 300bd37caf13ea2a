using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Output;

/// <summary>
/// A watched study as plain lines, for redirected output and CI: one line per state change and per epoch report,
/// then the summary. State events repeated by a reconnected stream print nothing.
/// </summary>
internal sealed class PlainWatchRenderer(TextWriter writer) : IWatchRenderer
{
    public Task<int> RunAsync(Func<Task<int>> watch) => watch();

    public void StudyChanged(StudyWatchState state, Study? previous)
    {
        var study = state.Study!;
        if (previous is null)
        {
            writer.WriteLine(WatchLines.StudyStarted(study));
        }
        else if (previous.State != study.State)
        {
            writer.WriteLine(WatchLines.StudyState(study));
        }
    }

    public void TrialChanged(StudyWatchState state, Trial trial, Trial? previous)
    {
        if (previous is null || previous.State != trial.State)
        {
            writer.WriteLine(WatchLines.TrialState(state, trial));
        }
    }

    public void EpochReported(StudyWatchState state, EpochEvent report) => writer.WriteLine(WatchLines.Epoch(state, report));

    public void Reconnecting(StudyWatchState state) => writer.WriteLine(WatchLines.Reconnecting(state));

    public void Ended(StudyWatchState state)
    {
        foreach (var line in WatchLines.Summary(state))
        {
            writer.WriteLine(line);
        }
    }
}
