using System.Net;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed class TrialCommandsTests
{
    [Fact]
    public async Task Show_Trial_PrintsStateConfigMetricsLearningRateChangesAndEpochs()
    {
        var trial = Samples.Trial(state: "Running", epoch: 2, learningRate: "0.0005", metrics: """{ "val_accuracy": 0.95, "train_loss": 0.25 }""");
        var history = $$"""
            { "trialId": "s1-0001",
              "epochs": [{{Samples.EpochRecord(1, 0.9, 0.001)}}, {{Samples.EpochRecord(2, 0.95, 0.0005)}}],
              "learningRateChanges": [{{Samples.Change(2, 0.001, 0.0005)}}],
              "checkpoints": [] }
            """;
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/trials/s1-0001", $$"""{ "trial": {{trial}}, "history": {{history}} }""");

        var result = await CliHarness.RunAsync(server, "trial", "show", "s1-0001");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Contains("Trial          s1-0001", lines);
        Assert.Contains("State          Running", lines);
        Assert.Contains("Silo           silo-a", lines);
        Assert.Contains("Epoch          2/3", lines);
        Assert.Contains("Learning rate  5e-4", lines);
        Assert.Contains("Metrics        train_loss=0.25, val_accuracy=0.95", lines);
        Assert.Contains("Config         batch_norm=true, learning_rate=0.001, optimizer=adam", lines);
        Assert.Contains("EPOCH  STEP  FROM   TO    SOURCE  COMMAND", lines);
        Assert.Contains("2      21    0.001  5e-4  user    decay", lines);
        Assert.Contains("EPOCH  STEP  train_loss  val_accuracy  LR     TIME", lines);
        Assert.Contains("1      10    0.5         0.9           0.001  1.5s", lines);
        Assert.Contains("2      20    0.5         0.95          5e-4   1.5s", lines);
    }

    [Fact]
    public async Task Show_TrialBeforeFirstEpoch_ShowsNaNLearningRateAsDash()
    {
        var details = $$"""{ "trial": {{Samples.Trial(state: "Pending")}}, "history": { "trialId": "s1-0001", "epochs": [], "learningRateChanges": [], "checkpoints": [] } }""";
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/trials/s1-0001", details);

        var result = await CliHarness.RunAsync(server, "trial", "show", "s1-0001");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Learning rate  -", result.OutLines);
        Assert.Contains("None yet.", result.OutLines);
    }

    [Fact]
    public async Task DecayLr_Factor_PostsTheFactorAndPrintsTheTrial()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/trials/s1-0001/decay-lr", Samples.Trial(learningRate: "0.001"));

        var result = await CliHarness.RunAsync(server, "trial", "decay-lr", "s1-0001", "--factor", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["trial s1-0001: Running, learning rate 0.001; decay x0.5 requested"], result.OutLines);
        var request = server.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("""{"factor":0.5}""", request.Body);
        Assert.Equal("application/json", request.ContentType);
    }

    [Fact]
    public async Task SetLr_Value_PostsTheValue()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/trials/s1-0001/set-lr", Samples.Trial(learningRate: "0.001"));

        var result = await CliHarness.RunAsync(server, "trial", "set-lr", "s1-0001", "--value", "1e-4");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["trial s1-0001: Running, learning rate 0.001; set to 1e-4 requested"], result.OutLines);
        Assert.Equal("""{"value":0.0001}""", server.SingleRequest.Body);
    }

    [Fact]
    public async Task DecayLr_RejectedFactor_ExitsOneWithTheFieldError()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "POST",
            "/api/trials/s1-0001/decay-lr",
            HttpStatusCode.BadRequest,
            "Bad Request",
            "The command is not valid.",
            """[{ "field": "factor", "message": "must be a positive finite number" }]""");

        var result = await CliHarness.RunAsync(server, "trial", "decay-lr", "s1-0001", "--factor", "-2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: The command is not valid.: factor: must be a positive finite number", result.SingleErrorLine);
        Assert.Equal("""{"factor":-2}""", server.SingleRequest.Body);
    }

    [Theory]
    [InlineData("decay-lr", "--factor", "abc")]
    [InlineData("set-lr", "--value", "1,5")]
    public async Task LearningRateCommand_NotANumber_IsAUsageError(string command, string option, string value)
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "trial", command, "s1-0001", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{value}' is not a number for {option}", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DecayLr_WithoutFactor_IsAUsageError()
    {
        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), "trial", "decay-lr", "s1-0001");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--factor", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pause", "Paused")]
    [InlineData("resume", "Running")]
    [InlineData("stop", "Stopped")]
    public async Task StateCommand_Trial_PostsTheCommandAndPrintsTheNewState(string command, string state)
    {
        var server = new FakeHyperTuneServer().OnJson("POST", $"/api/trials/s1-0001/{command}", Samples.Trial(state: state, learningRate: "0.001"));

        var result = await CliHarness.RunAsync(server, "trial", command, "s1-0001");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"trial s1-0001: {state}, learning rate 0.001"], result.OutLines);
        Assert.Equal(HttpMethod.Post, server.SingleRequest.Method);
    }

    [Fact]
    public async Task Stop_FinishedTrial_ExitsOneWithTheConflictDetail()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/trials/s1-0001/stop", HttpStatusCode.Conflict, "Conflict", "Trial 's1-0001' has finished (Completed).");

        var result = await CliHarness.RunAsync(server, "trial", "stop", "s1-0001");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Trial 's1-0001' has finished (Completed).", result.SingleErrorLine);
    }

    [Fact]
    public async Task Show_UnknownTrial_ExitsOneWithOneErrorLine()
    {
        var server = new FakeHyperTuneServer()
            .OnProblem("GET", "/api/trials/s1-0099", HttpStatusCode.NotFound, "Not Found", "Trial 's1-0099' does not exist.");

        var result = await CliHarness.RunAsync(server, "trial", "show", "s1-0099");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Trial 's1-0099' does not exist.", result.SingleErrorLine);
    }
}
