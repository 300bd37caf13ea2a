using System.Text.Json;
using HyperTune.Coordinator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace HyperTune.Coordinator.Tests.Hosting;

public sealed class CoordinatorExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_SiloUnavailable_Writes503ProblemSayingTheClusterIsUnavailable()
    {
        var (status, problem, headers) = await HandleAsync(new SiloUnavailableException("The silo S127.0.0.1:11111 is gone."));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("5", headers.RetryAfter.ToString());
        Assert.Equal("The cluster is unavailable", problem.GetProperty("title").GetString());
        Assert.Contains("S127.0.0.1:11111 is gone", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
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
    public async Task TryHandle_Bug_Writes500ProblemWithoutTheMessage()
    {
        var (status, problem, _) = await HandleAsync(new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.DoesNotContain("secret", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(int Status, JsonElement Problem, IHeaderDictionary Headers)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/studies";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        var handler = new CoordinatorExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<CoordinatorExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone(), context.Response.Headers);
    }
}
