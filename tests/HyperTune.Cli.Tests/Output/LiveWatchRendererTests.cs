using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Output;
using HyperTune.Cli.Tests.Fakes;
using HyperTune.Cli.Watching;
using Spectre.Console;

namespace HyperTune.Cli.Tests.Output;

/// <summary>The terminal display, drawn into a string by a Spectre.Console console that believes it is a terminal.</summary>
public sealed class LiveWatchRendererTests
{
    [Fact]
    public async Task RunAsync_StudyCompletes_DrawsTableAndBudgetThenPrintsSummary()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 120;
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.FromText([Samples.CompletedStudyStream()]));
        using var api = HyperTuneApiClient.Create(new Uri("http://h"), server);

        var exitCode = await new StudyWatcher(api, new LiveWatchRenderer(console)).WatchAsync("s1", CancellationToken.None);

        Assert.Equal(0, exitCode);
        var output = writer.ToString();
        Assert.Contains("digits-lr", output, StringComparison.Ordinal);
        Assert.Contains("s1-0001", output, StringComparison.Ordinal);
        Assert.Contains("val_accuracy", output, StringComparison.Ordinal);
        Assert.Contains("1/1 trials finished", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.EndsWith("best: trial s1-0001 val_accuracy=0.95 at epoch 2", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Visible_ManyTrials_ShowsActiveBestAndLatestFinishedAndCountsTheRest()
    {
        var state = new StudyWatchState("s1");
        for (var i = 1; i <= 30; i++)
        {
            state.Apply(new Trial { TrialId = $"s1-{i:D4}", Number = i, State = i > 25 ? "Running" : "Completed" });
        }

        state.Apply(new Study { StudyId = "s1", State = "Running", Best = new BestTrial { TrialId = "s1-0001" } });

        var (shown, hidden) = LiveWatchRenderer.Visible(state);

        Assert.Equal(LiveWatchRenderer.MaxRows, shown.Count);
        Assert.Equal(10, hidden);
        Assert.Equal("s1-0001", shown[0].TrialId);
        Assert.Equal(Enumerable.Range(12, 19).Select(i => $"s1-{i:D4}"), shown.Skip(1).Select(t => t.TrialId));
    }
}
