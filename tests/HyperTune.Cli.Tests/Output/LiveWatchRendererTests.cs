using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Output;
using HyperTune.Cli.Tests.Fakes;
using HyperTune.Cli.Watching;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace HyperTune.Cli.Tests.Output;

/// <summary>The terminal display, drawn into a string by a Spectre.Console console that believes it is a terminal.</summary>
public sealed class LiveWatchRendererTests
{
    [Fact]
    public async Task RunAsync_StudyCompletes_DrawsOnceAtTheEndWithoutATimerTickThenPrintsSummary()
    {
        using var writer = new StringWriter();
        var console = Terminal(writer, 120, 40);
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.FromText([Samples.CompletedStudyStream()]));
        using var api = HyperTuneApiClient.Create(new Uri("http://h"), server);
        var renderer = new LiveWatchRenderer(console, new FakeTimeProvider()); // the clock never moves: no tick draws

        var exitCode = await new StudyWatcher(api, renderer).WatchAsync("s1", CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(1, renderer.Draws); // seven events, one picture
        var output = writer.ToString();
        Assert.Contains("s1 · Completed", output, StringComparison.Ordinal);
        // Drawn at the end only: our one draw, which Spectre's live display writes again as it stops (no timer of its own).
        Assert.InRange(System.Text.RegularExpressions.Regex.Matches(output, "trials finished").Count, 1, 3);
        Assert.Contains("1/1 trials finished", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.Contains("finished 1: Completed 1", output, StringComparison.Ordinal);
        Assert.EndsWith("best: trial s1-0001 val_accuracy=0.95 at epoch 2", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_80x24WithManyTrials_FitsTheTerminalRunningFirstAndFinishedInOneLine()
    {
        var state = new StudyWatchState("digits-tpe-asha-3f9c2a71");
        state.Apply(new Study { StudyId = "digits-tpe-asha-3f9c2a71", Name = "digits-lr", State = "Running", ObjectiveMetric = "val_accuracy", MaxTrials = 100, Best = new BestTrial { TrialId = "digits-tpe-asha-3f9c2a71-0003", Value = 0.97 } });
        for (var i = 1; i <= 60; i++)
        {
            var trialState = i <= 25 ? (i % 5 == 0 ? "Pruned" : "Completed") : i <= 50 ? "Running" : "Pending";
            state.Apply(new Trial { TrialId = $"digits-tpe-asha-3f9c2a71-{i:D4}", Number = i, State = trialState, Epoch = 17, MaxEpochs = 100, Silo = "silo-" + (i % 2), LearningRate = 1e-3, Metrics = new Dictionary<string, double> { ["val_accuracy"] = 0.9 } });
        }

        using var writer = new StringWriter();
        var console = Terminal(writer, 80, 24);
        console.Write(WatchView.Build(state, 80, 24));

        var text = System.Text.RegularExpressions.Regex.Replace(writer.ToString(), "\u001b\\[[0-9;?]*[A-Za-z]", ""); // columns, not escape codes
        var lines = text.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count <= 23, $"{lines.Count} lines:\n{string.Join('\n', lines)}"); // the cursor keeps the last
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        var rows = lines.Where(l => l.Contains("a71-00", StringComparison.Ordinal)).ToList(); // long ids keep their end
        Assert.Equal(24 - WatchView.FixedLines, rows.Count);
        Assert.All(rows, r => Assert.Contains("Running", r, StringComparison.Ordinal)); // running before waiting
        Assert.Contains(lines, l => l.Contains("+20 more not finished", StringComparison.Ordinal)); // 25 running + 10 waiting, 15 shown
        Assert.Contains("finished 25: Completed 20, Pruned 5", lines);
        Assert.Contains(lines, l => l.Contains("25/100 trials finished, 25 running · 10 waiting", StringComparison.Ordinal)); // waiting ones are not running
    }

    [Fact]
    public void Finished_StudyWatchedAfterItEnded_SumsUpTheStudysOwnCounts()
    {
        var state = new StudyWatchState("s1");
        state.Apply(new Study { StudyId = "s1", State = "Completed", MaxTrials = 60, TrialCounts = new Dictionary<string, int> { ["Completed"] = 14, ["Pruned"] = 45, ["Diverged"] = 1 } });

        Assert.Equal("finished 60: Completed 14, Pruned 45, Diverged 1", WatchView.Finished(state));
    }

    [Fact]
    public void Active_FewTrials_ListsRunningThenPausedThenWaiting()
    {
        var state = new StudyWatchState("s1");
        state.Apply(new Trial { TrialId = "s1-0001", Number = 1, State = "Pending" });
        state.Apply(new Trial { TrialId = "s1-0002", Number = 2, State = "Paused" });
        state.Apply(new Trial { TrialId = "s1-0003", Number = 3, State = "Running" });
        state.Apply(new Trial { TrialId = "s1-0004", Number = 4, State = "Completed" });

        var (shown, hidden) = WatchView.Active(state, height: 24);

        Assert.Equal(["s1-0003", "s1-0002", "s1-0001"], shown.Select(t => t.TrialId));
        Assert.Equal(0, hidden);
    }

    private static IAnsiConsole Terminal(StringWriter writer, int width, int height)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        return console;
    }
}
