using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Watching;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HyperTune.Cli.Output;

/// <summary>
/// The live display of a watched study, made to fit the terminal (80×24 and up): a header line (study, state, best), the
/// budget as a bar, a table of the trials still going — running first, then paused, then those waiting for a slot — with
/// as many rows as the height allows, and the finished trials summarized in one line.
/// </summary>
internal static class WatchView
{
    /// <summary>Lines the display uses besides table rows: header, budget, the table's borders and heading, the "more" and finished lines, and the cursor's line.</summary>
    public const int FixedLines = 9;

    /// <summary>The fewest table rows shown, however short the terminal.</summary>
    public const int MinimumRows = 3;

    /// <summary>The trials to list (those not finished, in the order of <see cref="Rank"/>) and how many of them did not fit.</summary>
    public static (IReadOnlyList<Trial> Shown, int Hidden) Active(StudyWatchState state, int height)
    {
        ArgumentNullException.ThrowIfNull(state);
        var active = state.Trials.Where(t => !TrialStates.IsFinished(t.State)).OrderBy(t => Rank(t.State)).ThenBy(t => t.Number).ToList();
        var rows = Math.Max(MinimumRows, height - FixedLines);
        return active.Count <= rows ? (active, 0) : (active.Take(rows).ToList(), active.Count - rows);
    }

    /// <summary>The finished trials in one line, e.g. <c>finished 12: Completed 9, Pruned 3</c>; empty when none.</summary>
    public static string Finished(StudyWatchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // The trials seen, or the study's own counts when it knows more (a study watched after it ended sends no trials).
        var seen = state.Trials.Where(t => TrialStates.IsFinished(t.State)).GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count());
        var counted = (state.Study?.TrialCounts ?? new Dictionary<string, int>()).Where(p => TrialStates.IsFinished(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        var finished = counted.Values.Sum() > seen.Values.Sum() ? counted : seen;
        var total = finished.Values.Sum();
        return total == 0 ? "" : $"finished {total}: {Formats.Counts(finished)}";
    }

    /// <summary>The display for a console <paramref name="width"/> columns wide and <paramref name="height"/> lines high.</summary>
    public static IRenderable Build(StudyWatchState state, int width, int height, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var study = state.Study;
        var objective = study?.ObjectiveMetric is { Length: > 0 } metric ? metric : "objective";
        var lines = new List<IRenderable>
        {
            study is null
                ? Line($"[bold]{Markup.Escape(Fit(state.StudyId, width - 14))}[/] [grey]connecting…[/]")
                : Line($"[bold]{Markup.Escape(Fit($"{study.StudyId} · {study.State}{Formats.Reason(study.Reason)} · best {Formats.Best(study)}", width - 1))}[/]"),
            Line(Budget(state, width)),
        };

        var (shown, hidden) = Active(state, height);
        // The other columns take about 62 of 80 columns with the table's borders; the id gets the rest and keeps its end.
        var idWidth = Math.Max(8, width - 63);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("trial").NoWrap());
        table.AddColumn(new TableColumn("state").NoWrap());
        table.AddColumn(new TableColumn("epoch").NoWrap().RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape(Fit(objective, 12))).NoWrap().RightAligned());
        table.AddColumn(new TableColumn("lr").NoWrap().RightAligned());
        table.AddColumn(new TableColumn("silo").NoWrap());
        var bestId = study?.Best?.TrialId;
        foreach (var trial in shown)
        {
            var id = Markup.Escape(FitLeft(trial.TrialId, idWidth));
            table.AddRow(
                trial.TrialId == bestId ? $"[green bold]{id}[/]" : id,
                StateMarkup(trial.State),
                Formats.Epochs(trial),
                Formats.Metric(trial.Metrics, objective),
                Formats.LearningRate(trial.LearningRate),
                Markup.Escape(Fit(trial.Silo ?? Formats.None, 8)));
        }

        if (shown.Count > 0)
        {
            lines.Add(table);
        }

        if (hidden > 0)
        {
            lines.Add(Line($"[grey]+{hidden} more not finished (the terminal is {height} lines high)[/]"));
        }

        lines.Add(Line(Markup.Escape(Finished(state) is { Length: > 0 } finished ? finished : "no trial finished yet")));
        if (note is not null)
        {
            lines.Add(Line(note));
        }

        return new Rows(lines);
    }

    /// <summary>The order of the states still going: running, paused, stopping, then waiting.</summary>
    public static int Rank(string state) => state switch
    {
        "Running" => 0,
        "Paused" => 1,
        "Pending" => 3,
        _ => 2,
    };

    private static string Budget(StudyWatchState state, int width)
    {
        var finished = WatchLines.Finished(state);
        var max = Math.Max(state.Study?.MaxTrials ?? 0, finished);
        var activity = Formats.Activity(Formats.CountsOf(state.Trials.Select(t => t.State)));
        var share = max == 0 ? 0 : Math.Clamp(finished / (double)max, 0, 1);
        var text = $" {finished}/{state.Study?.MaxTrials ?? 0} trials finished{(activity == Formats.None ? "" : ", " + activity)}  {share:0%}";
        var bar = Math.Clamp(width - text.Length - 1, 10, 40);
        var done = (int)Math.Round(share * bar);
        return $"[green]{new string('━', done)}[/][grey]{new string('━', bar - done)}[/]{Markup.Escape(text)}";
    }

    private static Markup Line(string markup) => new(markup) { Overflow = Overflow.Ellipsis };

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>Keeps the end (a trial id's number) when <paramref name="text"/> is too long.</summary>
    private static string FitLeft(string text, int width) => text.Length <= width ? text : "…" + text[^(width - 1)..];

    private static string StateMarkup(string state)
    {
        var color = state switch
        {
            "Running" => "blue",
            "Paused" or "Stopping" => "yellow",
            "Pending" => "grey italic",
            "Completed" => "green",
            "Diverged" or "Failed" => "red",
            _ => "grey",
        };
        return $"[{color}]{Markup.Escape(state == "Pending" ? "Waiting" : state)}[/]";
    }
}
