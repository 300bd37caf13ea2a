using System.Net;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests;

/// <summary>The cluster's token: from <c>HYPERTUNE_TOKEN</c> or <c>--token</c>, sent as a bearer header, and a clear 401.</summary>
public sealed class TokenTests
{
    private const string Token = "cli-token-0123456789abcdef";

    [Fact]
    public async Task RunAsync_TokenVariable_SendsItAsBearer()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");

        var result = await CliHarness.RunAsync(server, new Dictionary<string, string> { ["HYPERTUNE_TOKEN"] = Token }, "study", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer " + Token, server.SingleRequest.Authorization);
    }

    [Theory]
    [InlineData("--token", Token, "study", "list")]
    [InlineData("study", "list", "--token", Token)]
    public async Task RunAsync_TokenOption_WinsOverTheVariableBeforeOrAfterTheCommand(params string[] args)
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");

        var result = await CliHarness.RunAsync(server, new Dictionary<string, string> { ["HYPERTUNE_TOKEN"] = "other-token-0123456789" }, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer " + Token, server.SingleRequest.Authorization);
    }

    [Fact]
    public async Task RunAsync_StopWithToken_SendsItWithTheChange()
    {
        var server = new FakeHyperTuneServer()
            .OnJson("POST", "/api/studies/s1/stop", Samples.Study(state: "Stopped"));

        var result = await CliHarness.RunAsync(server, "--token", Token, "study", "stop", "s1");

        Assert.Equal(0, result.ExitCode);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public async Task RunAsync_NoToken_SendsNoAuthorization()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");

        await CliHarness.RunAsync(server, "study", "list");

        Assert.Null(server.SingleRequest.Authorization);
    }

    [Fact]
    public async Task RunAsync_401WithoutToken_SaysTheClusterNeedsOne()
    {
        var server = new FakeHyperTuneServer().OnProblem("GET", "/api/studies", HttpStatusCode.Unauthorized, "Authentication required", "needs a token");

        var result = await CliHarness.RunAsync(server, "study", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the cluster needs a token: set HYPERTUNE_TOKEN or pass --token", result.SingleErrorLine);
    }

    [Fact]
    public async Task RunAsync_401WithAToken_SaysItWasRefusedWithoutShowingIt()
    {
        var server = new FakeHyperTuneServer().OnProblem("GET", "/api/cluster", HttpStatusCode.Unauthorized, "Authentication required", "wrong token");

        var result = await CliHarness.RunAsync(server, "--url", "http://coordinator:5080", "--token", Token, "cluster");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the cluster at http://coordinator:5080 refused the token: check HYPERTUNE_TOKEN or --token", result.SingleErrorLine);
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_401WhileWatching_SaysTheClusterNeedsOne()
    {
        var server = new FakeHyperTuneServer().OnProblem("GET", "/api/studies/s1/events", HttpStatusCode.Unauthorized, "Authentication required", "needs a token");

        var result = await CliHarness.RunAsync(server, "study", "watch", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the cluster needs a token: set HYPERTUNE_TOKEN or pass --token", result.SingleErrorLine);
    }

    [Fact]
    public async Task RunAsync_TokenWithALineBreak_IsAUsageErrorWithoutARequest()
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, new Dictionary<string, string> { ["HYPERTUNE_TOKEN"] = "abc\r\nX-Injected: 1" }, "study", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the token holds a space, control or non-ASCII character", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
