using System.Net;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed class TrialForkCommandTests
{
    private const string Forked = """{ "trialId": "s1-0004", "studyId": "s1", "sourceTrialId": "s1-0001", "sourceEpoch": 7 }""";

    [Fact]
    public async Task Fork_LearningRateAndEpoch_PostsThemAndPrintsTheNewTrialId()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/trials/s1-0001/fork", Forked, HttpStatusCode.Accepted);

        var result = await CliHarness.RunAsync(server, "trial", "fork", "s1-0001", "--lr", "1e-4", "--epoch", "7");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["s1-0004"], result.OutLines);
        Assert.Equal(["forked s1-0001 at epoch 7 as s1-0004; its first epoch is 8"], result.ErrorLines);
        var request = server.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("""{"learning_rate":0.0001,"epoch":7}""", request.Body);
        Assert.Equal("application/json", request.ContentType);
    }

    [Fact]
    public async Task Fork_OtherChanges_SendsThemTypedAndWithoutAnEpoch()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/trials/s1-0001/fork", Forked, HttpStatusCode.Accepted);

        var result = await CliHarness.RunAsync(server, "trial", "fork", "s1-0001", "--set", "weight_decay=0.01", "--set", "nesterov=true", "--set", "warmup_epochs=2", "--set", "schedule=cosine");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"nesterov":true,"schedule":"cosine","warmup_epochs":2,"weight_decay":0.01}""", server.SingleRequest.Body);
    }

    [Fact]
    public async Task Fork_ShapeChange_ExitsOneWithTheFieldError()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/trials/s1-0001/fork", HttpStatusCode.BadRequest, "Invalid argument", "'hidden_units' shapes the model.",
            """[{ "field": "$.hidden_units", "message": "'hidden_units' shapes the model." }]""");

        var result = await CliHarness.RunAsync(server, "trial", "fork", "s1-0001", "--set", "hidden_units=64");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.hidden_units", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Equal("""{"hidden_units":64}""", server.SingleRequest.Body);
    }

    [Fact]
    public async Task Fork_EpochWithoutCheckpoint_ExitsOneWithTheConflict()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/trials/s1-0001/fork", HttpStatusCode.Conflict, "Not valid now", "Trial s1-0001 has no checkpoint at epoch 3; it keeps those of epochs 5, 10.");

        var result = await CliHarness.RunAsync(server, "trial", "fork", "s1-0001", "--lr", "0.001", "--epoch", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no checkpoint at epoch 3", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set", "weight_decay")]
    [InlineData("--set", "=3")]
    public async Task Fork_MalformedSet_ExitsOneWithoutCallingTheApi(string option, string value)
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "trial", "fork", "s1-0001", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NAME=VALUE", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Show_AFork_ShowsWhereItCameFrom_AndASourceItsForks()
    {
        var fork = Samples.Trial(id: "s1-0004").Replace("\"trainingSeconds\": 0 }", "\"trainingSeconds\": 0, \"forkedFrom\": { \"sourceTrialId\": \"s1-0001\", \"sourceEpoch\": 7, \"learningRate\": 0.0001 } }", StringComparison.Ordinal);
        var history = """{ "trialId": "s1-0004", "epochs": [], "learningRateChanges": [], "checkpoints": [] }""";
        var server = new FakeHyperTuneServer()
            .OnJson("GET", "/api/trials/s1-0004", $$"""{ "trial": {{fork}}, "history": {{history}}, "forks": [] }""")
            .OnJson("GET", "/api/trials/s1-0001", $$"""{ "trial": {{Samples.Trial()}}, "history": {{history.Replace("0004", "0001", StringComparison.Ordinal)}}, "forks": ["s1-0004", "s1-0005"] }""");

        var shown = await CliHarness.RunAsync(server, "trial", "show", "s1-0004");
        var source = await CliHarness.RunAsync(server, "trial", "show", "s1-0001");

        Assert.Contains("Forked from    s1-0001 at epoch 7", shown.OutLines);
        Assert.Contains("Forks          s1-0004, s1-0005", source.OutLines);
        Assert.DoesNotContain(source.OutLines, l => l.StartsWith("Forked from", StringComparison.Ordinal));
    }
}
