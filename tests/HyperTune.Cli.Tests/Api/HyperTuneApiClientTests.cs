using System.Net;
using HyperTune.Cli.Api;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Api;

public sealed class HyperTuneApiClientTests
{
    private static HyperTuneApiClient Client(FakeHyperTuneServer server) =>
        HyperTuneApiClient.Create(new Uri("http://coordinator:5080"), server);

    [Fact]
    public async Task GetTrialAsync_NamedFloatingPointLiterals_ReadAsNumbers()
    {
        var trial = Samples.Trial(learningRate: "\"NaN\"", metrics: """{ "val_loss": "Infinity", "train_loss": "-Infinity", "val_accuracy": 0.5 }""");
        var server = new FakeHyperTuneServer().OnJson(
            "GET", "/api/trials/s1-0001", $$"""{ "trial": {{trial}}, "history": { "trialId": "s1-0001" } }""");
        using var client = Client(server);

        var details = await client.GetTrialAsync("s1-0001", CancellationToken.None);

        Assert.True(double.IsNaN(details.Trial.LearningRate));
        Assert.Equal(double.PositiveInfinity, details.Trial.Metrics["val_loss"]);
        Assert.Equal(double.NegativeInfinity, details.Trial.Metrics["train_loss"]);
        Assert.Equal(0.5, details.Trial.Metrics["val_accuracy"]);
        Assert.Empty(details.History.Epochs);
    }

    [Fact]
    public async Task GetStudyAsync_IdWithReservedCharacters_IsEscapedInThePath()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/a%2Fb%3Fc", Samples.Study(id: "a/b?c"));
        using var client = Client(server);

        var study = await client.GetStudyAsync("a/b?c", CancellationToken.None);

        Assert.Equal("a/b?c", study.StudyId);
    }

    [Fact]
    public async Task ListTrialsAsync_Status_IsSentAsQuery()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1/trials?status=running", $"[{Samples.Trial()}]");
        using var client = Client(server);

        var trials = await client.ListTrialsAsync("s1", "running", CancellationToken.None);

        Assert.Equal("s1-0001", Assert.Single(trials).TrialId);
    }

    [Fact]
    public async Task GetStudyHistoryAsync_History_ReadsEveryTrialsEpochs()
    {
        var history = $$"""{ "studyId": "s1", "trials": [{ "trialId": "s1-0001", "epochs": [{{Samples.EpochRecord(1, 0.9, 0.001)}}], "learningRateChanges": [], "checkpoints": [{ "epoch": 1, "sizeBytes": 2048, "writtenAt": "2025-11-27T10:00:00Z" }] }] }""";
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1/history", history);
        using var client = Client(server);

        var result = await client.GetStudyHistoryAsync("s1", CancellationToken.None);

        var trial = Assert.Single(result.Trials);
        Assert.Equal(0.9, Assert.Single(trial.Epochs).Metrics["val_accuracy"]);
        Assert.Equal(2048, Assert.Single(trial.Checkpoints).SizeBytes);
    }

    [Fact]
    public async Task GetBestTrialAsync_NoReportYet_ThrowsProblemWithStatus404()
    {
        var server = new FakeHyperTuneServer().OnProblem("GET", "/api/studies/s1/best", HttpStatusCode.NotFound, "Not Found", "No trial has reported yet.");
        using var client = Client(server);

        var problem = await Assert.ThrowsAsync<ProblemDetailsException>(() => client.GetBestTrialAsync("s1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, problem.Status);
        Assert.Equal("No trial has reported yet.", problem.Message);
    }

    [Fact]
    public async Task GetClusterAsync_AnswerNotTheContractsShape_ThrowsCliExceptionNamingTheRoute()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", """{ "silos": 3 }""");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<CliException>(() => client.GetClusterAsync(CancellationToken.None));

        Assert.StartsWith("GET /api/cluster answered JSON this CLI cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStudyAsync_TrialCountsInOtherCase_AreFoundByStateName()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1", Samples.Study(counts: """{ "running": 2, "COMPLETED": 1 }"""));
        using var client = Client(server);

        var study = await client.GetStudyAsync("s1", CancellationToken.None);

        Assert.Equal(2, study.TrialCounts["Running"]);
        Assert.Equal("Running 2, Completed 1", HyperTune.Cli.Output.Formats.Counts(study.TrialCounts));
    }
}
