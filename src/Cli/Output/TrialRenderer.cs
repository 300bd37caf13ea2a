using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>Trials on screen: one trial's details with its history, the answer to a command.</summary>
internal static class TrialRenderer
{
    public static void WriteDetails(Screen screen, TrialDetails details)
    {
        var trial = details.Trial;
        var history = details.History;
        var list = new DetailList()
            .Add("Trial", trial.TrialId)
            .Add("Study", trial.StudyId)
            .Add("State", trial.State + Formats.Reason(trial.Reason));
        if (trial.ForkedFrom is { } origin)
        {
            list.Add("Forked from", $"{origin.SourceTrialId} at epoch {origin.SourceEpoch}");
        }

        if (details.Forks.Count > 0)
        {
            list.Add("Forks", string.Join(", ", details.Forks));
        }

        screen.Write(list
            .Add("Silo", trial.Silo)
            .Add("Epoch", Formats.Epochs(trial))
            .Add("Learning rate", Formats.Number(trial.LearningRate))
            .Add("Metrics", Formats.Metrics(trial.Metrics))
            .Add("Config", Formats.Config(trial.Config))
            .Add("Started", Formats.Time(trial.StartedAt))
            .Add("Ended", Formats.Time(trial.EndedAt))
            .Add("Checkpoint", trial.LastCheckpointEpoch > 0 ? $"epoch {trial.LastCheckpointEpoch}" : Formats.None)
            .Add("Training time", trial.TrainingSeconds > 0 ? Formats.Seconds(trial.TrainingSeconds) : Formats.None));

        screen.Heading("Learning-rate changes");
        if (history.LearningRateChanges.Count == 0)
        {
            screen.WriteLine("None.");
        }
        else
        {
            var changes = new TextTable("EPOCH", "STEP", "FROM", "TO", "SOURCE", "COMMAND");
            foreach (var change in history.LearningRateChanges)
            {
                changes.Add(
                    $"{change.Epoch}",
                    $"{change.Step}",
                    Formats.Number(change.OldLearningRate),
                    Formats.Number(change.NewLearningRate),
                    change.Source,
                    change.Command ?? Formats.None);
            }

            screen.Write(changes);
        }

        screen.Heading("Epochs");
        if (history.Epochs.Count == 0)
        {
            screen.WriteLine("None yet.");
            return;
        }

        var metricNames = history.Epochs.SelectMany(e => e.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var epochs = new TextTable(["EPOCH", "STEP", .. metricNames, "LR", "TIME"]);
        foreach (var epoch in history.Epochs)
        {
            epochs.Add([
                $"{epoch.Epoch}",
                $"{epoch.Step}",
                .. metricNames.Select(name => Formats.Metric(epoch.Metrics, name)),
                Formats.Number(epoch.LearningRate),
                Formats.Seconds(epoch.DurationSeconds),
            ]);
        }

        screen.Write(epochs);
    }

    /// <summary>The one line answering a command to a trial.</summary>
    public static void WriteCommandResult(Screen screen, Trial trial, string? note = null) =>
        screen.WriteLine(
            $"trial {trial.TrialId}: {trial.State}{Formats.Reason(trial.Reason)}, learning rate {Formats.Number(trial.LearningRate)}" +
            (note is null ? "" : $"; {note}"));
}
