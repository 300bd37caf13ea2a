using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Watching;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HyperTune.Cli.Output;

/// <summary>
/// A watched study on a terminal: a table of trials (state, epoch, objective, learning rate, silo) above a
/// progress bar of the budget (finished trials of the study's maximum), redrawn as events arrive; the summary
/// follows when the study ends.
/// </summary>
internal sealed class LiveWatchRenderer(IAnsiConsole console) : IWatchRenderer
{
    /// <summary>Trial rows shown at most; active trials and the best always show, the oldest finished give way.</summary>
    public const int MaxRows = 20;

    private volatile IRenderable _view = new Markup("[grey]connecting…[/]");
    private ProgressTask? _budget;
    private StudyWatchState? _ended;

    public async Task<int> RunAsync(Func<Task<int>> watch)
    {
        var exitCode = await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .UseRenderHook((progress, _) => new Rows(_view, progress))
            .StartAsync(async context =>
            {
                _budget = context.AddTask("trials finished", autoStart: true, maxValue: 1);
                var code = await watch().ConfigureAwait(false);
                context.Refresh();
                return code;
            })
            .ConfigureAwait(false);

        if (_ended is { } state)
        {
            console.WriteLine();
            foreach (var line in WatchLines.Summary(state))
            {
                console.WriteLine(line);
            }
        }

        return exitCode;
    }

    public void StudyChanged(StudyWatchState state, Study? previous) => Update(state);

    public void TrialChanged(StudyWatchState state, Trial trial, Trial? previous) => Update(state);

    public void EpochReported(StudyWatchState state, EpochEvent report) => Update(state);

    public void Reconnecting(StudyWatchState state) => Update(state, "[yellow]event stream dropped; reconnecting…[/]");

    public void Ended(StudyWatchState state)
    {
        Update(state);
        _ended = state;
    }

    private void Update(StudyWatchState state, string? note = null)
    {
        var finished = WatchLines.Finished(state);
        var maxTrials = state.Study?.MaxTrials ?? 0;
        if (_budget is { } budget)
        {
            budget.MaxValue = Math.Max(1, Math.Max(maxTrials, finished));
            budget.Value = finished;
            budget.Description = $"{finished}/{maxTrials} trials finished";
        }

        _view = BuildView(state, note);
    }

    private static Rows BuildView(StudyWatchState state, string? note)
    {
        var study = state.Study;
        var objective = study?.ObjectiveMetric ?? "objective";
        var header = study is null
            ? $"[bold]{Markup.Escape(state.StudyId)}[/]"
            : $"[bold]{Markup.Escape(study.Name)}[/] ({Markup.Escape(study.StudyId)}) · {StateMarkup(study.State)} · " +
              $"best {Markup.Escape(Formats.Best(study))}";

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumns("trial", "state", "epoch", Markup.Escape(objective), "lr", "silo");
        var (shown, hidden) = Visible(state);
        var bestId = study?.Best?.TrialId;
        foreach (var trial in shown)
        {
            var id = Markup.Escape(trial.TrialId);
            table.AddRow(
                trial.TrialId == bestId ? $"[green bold]{id} *[/]" : id,
                StateMarkup(trial.State),
                Formats.Epochs(trial),
                Formats.Metric(trial.Metrics, objective),
                Formats.Number(trial.LearningRate),
                Markup.Escape(trial.Silo ?? Formats.None));
        }

        if (hidden > 0)
        {
            table.Caption($"{hidden} earlier finished trial(s) not shown");
        }

        return note is null ? new Rows(new Markup(header), table) : new Rows(new Markup(header), table, new Markup(note));
    }

    /// <summary>The trials to draw, and how many finished ones are left out.</summary>
    internal static (IReadOnlyList<Trial> Shown, int Hidden) Visible(StudyWatchState state)
    {
        var trials = state.Trials;
        if (trials.Count <= MaxRows)
        {
            return (trials, 0);
        }

        var bestId = state.Study?.Best?.TrialId;
        var keep = trials.Where(t => !TrialStates.IsFinished(t.State) || t.TrialId == bestId).ToList();
        var recent = trials.Where(t => TrialStates.IsFinished(t.State) && t.TrialId != bestId).TakeLast(Math.Max(0, MaxRows - keep.Count));
        var shown = keep.Concat(recent).OrderBy(t => t.Number).ToList();
        return (shown, trials.Count - shown.Count);
    }

    private static string StateMarkup(string state)
    {
        var color = state switch
        {
            "Running" => "blue",
            "Paused" or "Stopping" => "yellow",
            "Completed" => "green",
            "Diverged" or "Failed" => "red",
            _ => "grey",
        };
        return $"[{color}]{Markup.Escape(state)}[/]";
    }
}
