using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperTune.Cli.Output;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed partial class RangeTestCommandTests
{
    private const string Spec = """{ "name": "x", "dataset": { "kind": "digits" }, "search_space": { "optimizer": "adam", "hidden_units": 32 } }""";
    private const string Id = "lrt-1a2b3c4d";
    private const int Stopped = 87;
    private const int SuggestedStep = 45;

    private static readonly int MinimumStep = Enumerable.Range(0, Stopped).MinBy(i => Samples.RangeTestSmoothedLoss(i));

    [Fact]
    public async Task LrFind_Spec_PostsItPollsWithProgressOnStderrAndPrintsTheResult()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer()
            .OnJson("POST", "/api/lr-range-tests", Samples.RangeTest(), HttpStatusCode.Accepted)
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(points: 37))
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(points: 37))
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(points: 80))
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Completed());

        var result = await CliHarness.RunAsync(server, "lr-find", temp.File("spec.json", Spec));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "step 0/100  starting",
                $"step 37/100  lr {Formats.LearningRate(Samples.RangeTestRate(36))}  loss {Formats.Number(Samples.RangeTestSmoothedLoss(36) + 0.01)}",
                $"step 80/100  lr {Formats.LearningRate(Samples.RangeTestRate(79))}  loss {Formats.Number(Samples.RangeTestSmoothedLoss(79) - 0.01)}",
            ],
            result.ErrorLines);
        var lines = result.OutLines;
        Assert.Contains($"Range test     {Id}", lines);
        Assert.Contains("State          Completed", lines);
        Assert.Contains("Config         hidden_units=32, optimizer=adam", lines);
        Assert.Contains($"Suggested LR   {Formats.LearningRate(Samples.RangeTestRate(SuggestedStep))} (steepest)", lines);
        Assert.Contains($"Min-loss LR    {Formats.LearningRate(Samples.RangeTestRate(MinimumStep))}", lines);
        Assert.Contains("Search bounds  3.0e-05 .. 2.0e-02 (log-uniform)", lines);
        Assert.Contains($"Stopped        diverged at step {Stopped} of 100 (the smoothed loss rose far above its best)", lines);
        Assert.Equal(
            ["POST /api/lr-range-tests", .. Enumerable.Repeat($"GET /api/lr-range-tests/{Id}", 4)],
            server.Requests.Select(r => r.ToString()));
        Assert.Equal(Spec, server.Requests[0].Body);
    }

    [Fact]
    public async Task LrFind_List_PrintsOneLinePerTestNewestFirstWithItsBounds()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/lr-range-tests?limit=100", """
            [{"id":"lrt-00000002","state":"Completed","startedAt":"2026-01-02T03:04:05+00:00","studyId":null,"dataset":"digits","silo":"silo-0",
              "suggestedLearningRate":0.02,"searchLow":0.002,"searchHigh":0.055,"error":null},
             {"id":"s1","state":"Failed","startedAt":"2026-01-01T00:00:00+00:00","studyId":"s1","dataset":"csv","silo":"silo-1","error":"no data"}]
            """);

        var result = await CliHarness.RunAsync(server, "lr-find", "--list");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("TEST", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^lrt-00000002\s+Completed\s+digits\s+-\s+2\.0e-02\s+2\.0e-03 \.\. 5\.5e-02\s", lines[1]);
        Assert.Matches(@"^s1\s+Failed\s+csv\s+s1\s+-\s+-\s", lines[2]);
    }

    [Fact]
    public async Task LrFind_ListWithASpec_IsAUsageError()
    {
        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), "lr-find", "--list", "--id", "lrt-1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--list", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LrFind_Completed_PlotsTheSmoothedLossOnTheLogAxisWithTheSuggestionAndMinimumMarked()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", $"/api/lr-range-tests/{Id}", Completed());

        var result = await CliHarness.RunAsync(server, "lr-find", "--id", Id);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var lines = result.OutLines.ToList();
        var header = lines.IndexOf("Smoothed loss by learning rate");
        Assert.True(header > 0, result.ToString());
        Assert.Equal("LR       SMOOTHED LOSS", lines[header + 1]);
        var rows = lines.Skip(header + 2).Select(l => Row().Match(l)).Select(m => new[] { m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value }).ToList();
        Assert.InRange(rows.Count, RangeTestRenderer.PlotRows, RangeTestRenderer.PlotRows + 2);

        // Rows ascend the learning rate from the first step to the last, evenly on the log axis.
        var rates = rows.Select(r => double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rates.Order(), rates);
        Assert.Equal(Formats.LearningRate(Samples.RangeTestRate(0)), rows[0][0]);
        Assert.Equal(Formats.LearningRate(Samples.RangeTestRate(Stopped - 1)), rows[^1][0]);

        // The bars run from one character at the lowest loss shown to the full width at the highest before it; the
        // diverging tail above that is cut at the full width.
        var suggested = Assert.Single(rows, r => r[2].EndsWith("<- suggested", StringComparison.Ordinal));
        Assert.Equal(Formats.LearningRate(Samples.RangeTestRate(SuggestedStep)), suggested[0]);
        var minimum = Assert.Single(rows, r => r[2].EndsWith("<- min loss", StringComparison.Ordinal));
        Assert.Equal(Formats.LearningRate(Samples.RangeTestRate(MinimumStep)), minimum[0]);
        Assert.Equal("#  <- min loss", minimum[2]);
        Assert.Equal(RangeTestRenderer.BarWidth, rows.Max(r => r[2].TakeWhile(c => c == '#').Count()));
        Assert.Equal(new string('#', RangeTestRenderer.BarWidth), rows[0][2]);
        Assert.Equal(new string('#', RangeTestRenderer.BarWidth) + ">", rows[^1][2]);
        var descent = rows.TakeWhile(r => !r[2].Contains("min loss", StringComparison.Ordinal)).Select(r => r[2].TakeWhile(c => c == '#').Count()).ToList();
        Assert.Equal(descent.OrderDescending(), descent);
    }

    [Fact]
    public async Task LrFind_NoWait_PrintsTheNewIdWithoutPolling()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/lr-range-tests", Samples.RangeTest(), HttpStatusCode.Accepted);

        var result = await CliHarness.RunAsync(server, "lr-find", temp.File("spec.json", Spec), "--no-wait");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Id], result.OutLines);
        Assert.Empty(result.Error);
        Assert.Equal("POST /api/lr-range-tests", server.SingleRequest.ToString());
    }

    [Fact]
    public async Task LrFind_WithId_PassesTheIdInTheQueryAndPollsThatTest()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer()
            .OnJson("POST", "/api/lr-range-tests?id=my-test", Samples.RangeTest(id: "my-test"), HttpStatusCode.Accepted)
            .OnJson("GET", "/api/lr-range-tests/my-test", Completed(id: "my-test"));

        var result = await CliHarness.RunAsync(server, "lr-find", temp.File("spec.json", Spec), "--id", "my-test");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Range test     my-test", result.OutLines);
        Assert.Equal(["POST /api/lr-range-tests?id=my-test", "GET /api/lr-range-tests/my-test"], server.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task LrFind_Study_FollowsTheStudysTestWithoutStartingOne()
    {
        var server = new FakeHyperTuneServer()
            .OnJson("GET", "/api/studies/s1/lr-range-test", Samples.RangeTest(id: "s1", points: 12, studyId: "s1"))
            .OnJson("GET", "/api/studies/s1/lr-range-test", Completed(id: "s1", studyId: "s1"));

        var result = await CliHarness.RunAsync(server, "lr-find", "--study", "s1");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("step 12/100  lr ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("Study          s1", result.OutLines);
        Assert.Contains($"Suggested LR   {Formats.LearningRate(Samples.RangeTestRate(SuggestedStep))} (steepest)", result.OutLines);
        Assert.All(server.Requests, r => Assert.Equal("GET /api/studies/s1/lr-range-test", r.ToString()));
    }

    [Fact]
    public async Task LrFind_StudyNoWait_PrintsTheProgressNow()
    {
        var server = new FakeHyperTuneServer()
            .OnJson("GET", "/api/studies/s1/lr-range-test", Samples.RangeTest(id: "s1", points: 37, studyId: "s1"));

        var result = await CliHarness.RunAsync(server, "lr-find", "--study", "s1", "--no-wait");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("State       Running", result.OutLines);
        Assert.Contains(result.OutLines, l => l.StartsWith("Progress    step 37/100  lr ", StringComparison.Ordinal));
        Assert.DoesNotContain("Smoothed loss by learning rate", result.OutLines);
        Assert.Empty(result.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task LrFind_StudyWithoutTest_ExitsOneWithTheProblemsDetail()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "GET", "/api/studies/s1/lr-range-test", HttpStatusCode.NotFound, "No range test", "Study 's1' has no learning-rate range test.");

        var result = await CliHarness.RunAsync(server, "lr-find", "--study", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Study 's1' has no learning-rate range test.", result.SingleErrorLine);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task LrFind_TestFails_ExitsOneWithItsError()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer()
            .OnJson("POST", "/api/lr-range-tests", Samples.RangeTest(points: 3), HttpStatusCode.Accepted)
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(state: "Failed", points: 5, error: "The range test recorded no finite loss."));

        var result = await CliHarness.RunAsync(server, "lr-find", temp.File("spec.json", Spec));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"step 3/100  lr {Formats.LearningRate(Samples.RangeTestRate(2))}  loss {Formats.Number(Samples.RangeTestSmoothedLoss(2) + 0.01)}", $"error: range test {Id} failed: The range test recorded no finite loss."], result.ErrorLines);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task LrFind_Json_PrintsTheFinalStatusWithNonFiniteLossesAsNamedNumbers()
    {
        var result = Samples.RangeTestResult(60, Samples.RangeTestRate(40), Samples.RangeTestRate(55), 1e-5, 1e-3, stop: "NonFinite", nanAt: 59);
        var server = new FakeHyperTuneServer()
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(points: 20))
            .OnJson("GET", $"/api/lr-range-tests/{Id}", Samples.RangeTest(state: "Completed", points: 60, result: result, nanAt: 59));

        var run = await CliHarness.RunAsync(server, "lr-find", "--id", Id, "--json");

        Assert.Equal(0, run.ExitCode);
        var status = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal(Id, status.GetProperty("id").GetString());
        Assert.Equal("Completed", status.GetProperty("state").GetString());
        Assert.Equal(60, status.GetProperty("points").GetArrayLength());
        Assert.Equal("NaN", status.GetProperty("points")[59].GetProperty("loss").GetString());
        Assert.Equal("NonFinite", status.GetProperty("result").GetProperty("stopReason").GetString());
        Assert.Equal(Samples.RangeTestRate(40), status.GetProperty("result").GetProperty("suggestedLearningRate").GetDouble());
        Assert.Equal("adam", status.GetProperty("config").GetProperty("optimizer").GetString());
    }

    [Fact]
    public async Task LrFind_InvalidSpec_ExitsOneWithTheFieldErrors()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/lr-range-tests", HttpStatusCode.BadRequest, "Invalid study spec", "The study spec has 1 problem(s).",
            """[{ "field": "$.lr_range_test.steps", "message": "must be at least 5" }]""");

        var result = await CliHarness.RunAsync(server, "lr-find", temp.File("spec.json", Spec));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: The study spec has 1 problem(s).: $.lr_range_test.steps: must be at least 5", result.SingleErrorLine);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("lr-find")]
    [InlineData("lr-find", "spec.json", "--study", "s1")]
    [InlineData("lr-find", "--study", "s1", "--id", "lrt-1")]
    public async Task LrFind_NoneOrBothOfSpecAndStudy_IsAUsageErrorWithoutARequest(params string[] args)
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--study", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [GeneratedRegex(@"^(\S+)\s+(\S+)\s+(.*)$")]
    private static partial Regex Row();

    private static string Completed(string id = Id, string? studyId = null) =>
        Samples.RangeTest(
            id: id,
            state: "Completed",
            points: Stopped,
            studyId: studyId,
            result: Samples.RangeTestResult(Stopped, Samples.RangeTestRate(SuggestedStep), Samples.RangeTestRate(MinimumStep), 3e-5, 2e-2));
}
