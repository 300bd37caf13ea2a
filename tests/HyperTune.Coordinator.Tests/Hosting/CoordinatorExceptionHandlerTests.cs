using System.Text.Json;
using HyperTune.Coordinator.Health;
using HyperTune.Coordinator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace HyperTune.Coordinator.Tests.Hosting;

public sealed class CoordinatorExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_SiloUnavailable_Writes503ProblemSayingWhatIsUnavailableWithoutTheException()
    {
        var (status, problem, headers) = await HandleAsync(new SiloUnavailableException("The silo S127.0.0.1:11111 is gone."));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("5", headers.RetryAfter.ToString());
        Assert.Equal("The cluster is unavailable", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("a silo it needed does not answer", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("S127.0.0.1", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_NoGatewayConnected_Writes503NamingTheGatewayPorts()
    {
        var failure = new OrleansException("Exc level 0: Orleans.Runtime.ConnectionFailedException: Unable to connect to endpoint S127.0.0.1:30000:0.\n   at Orleans.Runtime.Messaging.ConnectionManager.ConnectAsync(SiloAddress address) in /_/src/Orleans.Core/Networking/ConnectionManager.cs:line 212");

        var (status, problem, _) = await HandleAsync(failure, connectedGateways: 0, gatewayPorts: [30000, 30001]);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("no silo answers on the gateways 30000–30001", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("at Orleans.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("/_/src", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(OrleansException), problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_GatewayConnectedButTheSiloUnreachable_Writes503SayingASiloDoesNotAnswer()
    {
        var failure = new OrleansException("Exception while sending message: Unable to connect to endpoint S127.0.0.1:11111", new System.Net.Sockets.SocketException(111));

        var (status, problem, _) = await HandleAsync(failure, connectedGateways: 2);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal(
            "The HyperTune cluster could not answer: a silo it needed does not answer. Check that its silos are running, then retry.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TryHandle_Timeout_Writes503SayingItDidNotAnswerInTime()
    {
        var (_, problem, _) = await HandleAsync(new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request S127.0.0.1:30000"));

        Assert.Contains("the cluster did not answer in time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S127.0.0.1", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_BodyTooLarge_Writes413TitledPayloadTooLarge()
    {
        var (status, problem, _) = await HandleAsync(new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal("Payload too large", problem.GetProperty("title").GetString());
        Assert.Contains("4,194,304 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<Exception> ClusterFailures => new()
    {
        new TimeoutException("Response did not arrive on time in 00:00:30."),
        new OrleansException("Could not find any gateway."),
        new System.Net.Sockets.SocketException(111),
    };

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public async Task TryHandle_ClusterFailures_Write503(Exception failure)
    {
        var (status, _, _) = await HandleAsync(failure);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
    }

    [Fact]
    public async Task TryHandle_ClusterFailureInside_Writes503()
    {
        var (status, _, _) = await HandleAsync(new AggregateException(new OrleansException("down")));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
    }

    [Fact]
    public async Task TryHandle_Bug_Writes500ProblemWithoutTheMessageOrType()
    {
        var (status, problem, _) = await HandleAsync(new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), problem.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Status, JsonElement Problem, IHeaderDictionary Headers)> HandleAsync(
        Exception exception, int connectedGateways = 1, int[]? gatewayPorts = null)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/studies";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        var cluster = new ClusterDescription(Options.Create(new CoordinatorClusterOptions { GatewayPorts = gatewayPorts ?? [30000] }), new ConfigurationBuilder().Build());
        var monitor = new ClusterConnectionMonitor();
        monitor.NotifyGatewayCountChanged(connectedGateways, 0, connectionRecovered: false);
        var handler = new CoordinatorExceptionHandler(
            services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), cluster, monitor, Options.Create(new ApiLimitsOptions()),
            NullLogger<CoordinatorExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone(), context.Response.Headers);
    }
}
