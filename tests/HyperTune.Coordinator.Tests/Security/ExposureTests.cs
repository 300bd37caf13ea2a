using System.Net;
using System.Net.Http.Headers;

namespace HyperTune.Coordinator.Tests.Security;

/// <summary>Where the Coordinator listens decides whether it needs a token: the real Kestrel, bound to every interface or to loopback.</summary>
[Collection(CoordinatorCollection.Name)]
public sealed class ExposureTests(CoordinatorFixture fixture)
{
    private const string AllInterfaces = "http://0.0.0.0:0";
    private const string Loopback = "http://127.0.0.1:0";
    private const string Token = "exposure-token-0123456789abcdef";

    [Fact]
    public void Start_AllInterfacesWithoutToken_FailsSayingHowToFixIt()
    {
        using var coordinator = new FrontDoorFactory(fixture, urls: AllInterfaces);

        var failure = Assert.ThrowsAny<Exception>(coordinator.StartServer);

        var message = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("without a token", message, StringComparison.Ordinal);
        Assert.Contains("HyperTune:Security:Token", message, StringComparison.Ordinal);
        Assert.Contains(coordinator.Logs.Entries, e => e.StartsWith("Critical", StringComparison.Ordinal) && e.Contains("without a token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AllInterfacesWithToken_NoTokenIs401AndTheTokenIs200()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = Token }, AllInterfaces);
        using var api = coordinator.CreateSocketClient();

        using var anonymous = await api.GetAsync("/api/studies");
        using var stop = await api.PostAsync("/api/studies/s-none/stop", null);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var authorized = await api.GetAsync("/api/studies");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task Get_AllInterfacesWithAllowAnonymous_ServesAnyoneAndWarns()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:AllowAnonymous"] = "true" }, AllInterfaces);
        using var api = coordinator.CreateSocketClient();

        using var response = await api.GetAsync("/api/studies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(coordinator.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("AllowAnonymous", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_LoopbackWithoutToken_ServesWithoutCredential()
    {
        using var coordinator = new FrontDoorFactory(fixture, urls: Loopback);
        using var api = coordinator.CreateSocketClient();

        using var response = await api.GetAsync("/api/studies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_LoopbackWithToken_StillNeedsTheToken()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = Token }, Loopback);
        using var api = coordinator.CreateSocketClient();

        using var response = await api.GetAsync("/api/studies");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Start_TokenTooShort_FailsWithoutShowingIt()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = "short-secret" });

        var failure = Assert.ThrowsAny<Exception>(coordinator.StartServer);

        var message = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("HyperTune:Security:Token must be 16 to 512 characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
