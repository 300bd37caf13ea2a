using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>Studies on screen: the list, one study's details, the answer to a command.</summary>
internal static class StudyRenderer
{
    public static void WriteList(Screen screen, IReadOnlyList<Study> studies)
    {
        if (studies.Count == 0)
        {
            screen.WriteLine("No studies yet: 'hypertune study create -f SPEC.json' starts one.");
            return;
        }

        var table = new TextTable("ID", "NAME", "STATE", "TRIALS", "NOW", "BEST");
        foreach (var study in studies)
        {
            table.Add(
                study.StudyId,
                study.Name,
                study.State,
                $"{study.TrialsStarted}/{study.MaxTrials}",
                Formats.Activity(study.TrialCounts),
                study.Best is { } best ? $"{study.ObjectiveMetric}={Formats.Number(best.Value)}" : Formats.None);
        }

        screen.Write(table);
    }

    public static void WriteDetails(Screen screen, Study study)
    {
        screen.Write(new DetailList()
            .Add("Study", study.StudyId)
            .Add("Name", study.Name)
            .Add("State", study.State + Formats.Reason(study.Reason))
            .Add("Objective", $"{study.ObjectiveMetric} ({(study.Maximize ? "maximize" : "minimize")})")
            .Add("Trials", $"{study.TrialsStarted} started of {study.MaxTrials}")
            .Add("Now", Formats.Activity(study.TrialCounts))
            .Add("Created", Formats.Time(study.CreatedAt))
            .Add("Ended", Formats.Time(study.EndedAt)));

        screen.Heading("Trials by state");
        var counts = new TextTable("STATE", "TRIALS");
        foreach (var state in TrialStates.All)
        {
            counts.Add(state == "Pending" ? "Pending (waiting for a slot)" : state, study.TrialCounts.TryGetValue(state, out var n) ? $"{n}" : "0");
        }

        foreach (var (state, n) in study.TrialCounts.Where(p => !TrialStates.IsKnown(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            counts.Add(state, $"{n}");
        }

        screen.Write(counts);

        screen.Heading("Best");
        if (study.Best is { } best)
        {
            screen.Write(new DetailList()
                .Add("Trial", best.TrialId)
                .Add("Epoch", $"{best.Epoch}")
                .Add(study.ObjectiveMetric, Formats.Number(best.Value))
                .Add("Config", Formats.Config(best.Config)));
        }
        else
        {
            screen.WriteLine("No trial has reported yet.");
        }
    }

    /// <summary>The one line answering pause, resume or stop.</summary>
    public static void WriteCommandResult(Screen screen, Study study) =>
        screen.WriteLine($"study {study.StudyId}: {study.State}{Formats.Reason(study.Reason)}");
}
