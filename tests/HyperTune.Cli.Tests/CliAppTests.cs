using System.Net;
using System.Net.Sockets;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_NoUrl_UsesLocalhost5080()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");

        await CliHarness.RunAsync(server, "study", "list");

        Assert.Equal("http://localhost:5080/api/studies", server.SingleRequest.Uri.ToString());
    }

    [Fact]
    public async Task RunAsync_HypertuneUrlVariable_IsTheDefault()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");
        var variables = new Dictionary<string, string> { ["HYPERTUNE_URL"] = "http://coordinator:9000" };

        var result = await CliHarness.RunAsync(server, variables, "study", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("http://coordinator:9000/api/studies", server.SingleRequest.Uri.ToString());
    }

    [Theory]
    [InlineData("--url", "http://other:7000", "study", "list")]
    [InlineData("study", "list", "--url", "http://other:7000/")]
    public async Task RunAsync_UrlOption_WinsOverTheVariableBeforeOrAfterTheCommand(params string[] args)
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");
        var variables = new Dictionary<string, string> { ["HYPERTUNE_URL"] = "http://coordinator:9000" };

        var result = await CliHarness.RunAsync(server, variables, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("http://other:7000/api/studies", server.SingleRequest.Uri.ToString());
    }

    [Fact]
    public async Task RunAsync_UrlWithPath_KeepsThePathPrefix()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/hypertune/api/cluster", """{ "silos": [] }""");

        var result = await CliHarness.RunAsync(server, "--url", "https://proxy/hypertune", "cluster");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("https://proxy/hypertune/api/cluster", server.SingleRequest.Uri.ToString());
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public async Task RunAsync_BadUrl_IsAUsageErrorWithoutARequest(string url)
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "--url", url, "cluster");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: '{url}' is not an http or https address (--url or $HYPERTUNE_URL)", result.SingleErrorLine);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_ConnectionRefused_ExitsOneWithOneLineNamingTheUrl()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = await CliHarness.RunAsync(null, new Dictionary<string, string>(), "--url", url, "study", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot reach HyperTune at {url} (", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task RunAsync_ConnectionRefusedWhileWatching_ExitsOneWithOneLine()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = await CliHarness.RunAsync(null, new Dictionary<string, string>(), "--url", url, "study", "watch", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot reach HyperTune at {url} (", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("study")]
    [InlineData("trial")]
    [InlineData("bogus")]
    [InlineData("study", "show")]
    [InlineData("study", "list", "extra")]
    [InlineData("trial", "set-lr", "t1")]
    [InlineData("cluster", "--nope")]
    public async Task RunAsync_BadUsage_ExitsTwoWithOneErrorLineAndNoRequest(params string[] args)
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, args);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("--help')", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_MissingArgument_NamesTheCommandToAskForHelp()
    {
        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), "study", "show");

        Assert.Equal("error: Required argument 'ID' missing for command: 'show' (see 'hypertune study show --help')", result.SingleErrorLine);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("study", "--help")]
    [InlineData("study", "create", "--help")]
    [InlineData("trial", "decay-lr", "-h")]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero(params string[] args)
    {
        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("--url", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task RunAsync_WritersAndHandler_RunsWithPlainOutput()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/studies/s1/pause", Samples.Study(state: "Paused"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await CliApp.RunAsync(["study", "pause", "s1", "--url", "http://h"], stdout, stderr, server);

        Assert.Equal(0, exitCode);
        Assert.Equal("study s1: Paused", stdout.ToString().Trim());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_ServerAnswersNonJsonError_ExitsOneWithTheStatusLine()
    {
        var server = new FakeHyperTuneServer().On("GET", "/api/cluster", _ =>
            new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") });

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: GET /api/cluster answered 502 Bad Gateway", result.SingleErrorLine);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ExitsWith130()
    {
        var server = new FakeHyperTuneServer().On("GET", "/api/studies", _ => throw new OperationCanceledException());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, HttpHandler = server };

        var exitCode = await CliApp.RunAsync(["study", "list"], environment, cancelled.Token);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
