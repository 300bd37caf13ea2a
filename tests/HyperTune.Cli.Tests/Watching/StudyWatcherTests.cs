using System.Net;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Watching;

/// <summary><c>hypertune study watch</c> with redirected output: plain lines, driven by the event stream.</summary>
public sealed class StudyWatcherTests
{
    [Fact]
    public async Task WatchAsync_StudyCompletes_PrintsOneLinePerChangeAndEpochThenSummaryAndExitsZero()
    {
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.Split(Samples.CompletedStudyStream(), 64));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "study s1 (digits-lr): Running, objective val_accuracy (maximize), 1/1 trials started",
                "trial s1-0001: Running on silo-a",
                "trial s1-0001 epoch 1/3: val_accuracy=0.9 lr=0.001 silo=silo-a",
                "trial s1-0001 epoch 2/3: val_accuracy=0.95 lr=0.001 silo=silo-a; lr 0.001 -> 5e-4 (user decay)",
                "trial s1-0001: Completed [1/1 trials finished]",
                "study s1: Completed",
                "study s1 Completed: 1/1 trials finished (Completed 1)",
                "best: trial s1-0001 val_accuracy=0.95 at epoch 2",
            ],
            result.OutLines);
        Assert.Empty(result.Error);
        var request = server.SingleRequest;
        Assert.Equal("GET /api/studies/s1/events", request.ToString());
        Assert.Equal("text/event-stream", request.Accept);
    }

    [Fact]
    public async Task WatchAsync_StudyAlreadyFinished_PrintsSummaryAndExitsZero()
    {
        var stream = Samples.Sse("study", Samples.Study(state: "Stopped", reason: "wall-clock limit", counts: """{ "Stopped": 2 }""", maxTrials: 4));
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.FromText([stream]));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "study s1 (digits-lr): Stopped (wall-clock limit), objective val_accuracy (maximize), 1/4 trials started",
                "study s1 Stopped (wall-clock limit): 2/4 trials finished (Stopped 2)",
                "best: none (no trial reported)",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task WatchAsync_ConnectionDropsOnce_ReconnectsWithoutRepeatingKnownStatesAndExitsZero()
    {
        var first = Samples.Sse("study", Samples.Study()) +
            Samples.Sse("trial", Samples.Trial()) +
            Samples.Sse("epoch", Samples.Epoch("s1-0001", 1, 0.9)) +
            "event: epoch\ndata: {\"studyId\"";
        var second = Samples.Sse("study", Samples.Study()) +
            Samples.Sse("trial", Samples.Trial(epoch: 1)) +
            Samples.Sse("trial", Samples.Trial(state: "Completed", epoch: 3)) +
            Samples.Sse("study", Samples.Study(state: "Completed", counts: """{ "Completed": 1 }""", maxTrials: 1, best: Samples.Best("s1-0001")));
        var server = new FakeHyperTuneServer()
            .OnEvents("s1", ChunkedStream.FromText([first], dropAtEnd: true))
            .OnEvents("s1", ChunkedStream.FromText([second]));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "study s1 (digits-lr): Running, objective val_accuracy (maximize), 1/3 trials started",
                "trial s1-0001: Running on silo-a",
                "trial s1-0001 epoch 1/3: val_accuracy=0.9 lr=0.001 silo=silo-a",
                "event stream of study s1 dropped; reconnecting",
                "trial s1-0001: Completed [1/3 trials finished]",
                "study s1: Completed",
                "study s1 Completed: 1/1 trials finished (Completed 1)",
                "best: trial s1-0001 val_accuracy=0.9812 at epoch 3",
            ],
            result.OutLines);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task WatchAsync_StreamEndsBeforeStudyFinishes_ReconnectsOnce()
    {
        var server = new FakeHyperTuneServer()
            .OnEvents("s1", ChunkedStream.FromText([Samples.Sse("study", Samples.Study())]))
            .OnEvents("s1", ChunkedStream.FromText([Samples.Sse("study", Samples.Study(state: "Completed"))]));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("study s1: Completed", result.OutLines);
    }

    [Fact]
    public async Task WatchAsync_ConnectionDropsTwice_ExitsOneWithOneErrorLine()
    {
        var server = new FakeHyperTuneServer()
            .OnEvents("s1", ChunkedStream.FromText([Samples.Sse("study", Samples.Study())], dropAtEnd: true))
            .OnEvents("s1", ChunkedStream.FromText([Samples.Sse("study", Samples.Study(state: "Stopping"))], dropAtEnd: true));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: lost the event stream of study 's1' before it finished (connection reset by peer); it is still Stopping", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task WatchAsync_UnknownStudy_ExitsOneWithProblemDetail()
    {
        var server = new FakeHyperTuneServer()
            .OnProblem("GET", "/api/studies/nope/events", HttpStatusCode.NotFound, "Not Found", "Study 'nope' does not exist.");

        var result = await CliHarness.RunAsync(server, "study", "watch", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Study 'nope' does not exist.", result.SingleErrorLine);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task WatchAsync_MalformedEvent_ExitsOneNamingTheEvent()
    {
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.FromText(["event: trial\ndata: {not json\n\n"]));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: the event stream sent a 'trial' event this CLI cannot read", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_UnknownEventTypes_AreIgnored()
    {
        var stream = Samples.Sse("hello", "{}") + "data: plain\n\n" + Samples.Sse("study", Samples.Study(state: "Completed"));
        var server = new FakeHyperTuneServer().OnEvents("s1", ChunkedStream.FromText([stream]));

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(0, result.ExitCode);
    }
}
