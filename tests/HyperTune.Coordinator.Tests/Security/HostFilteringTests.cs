using System.Net;

namespace HyperTune.Coordinator.Tests.Security;

/// <summary>A DNS-rebinding page reaches the Coordinator under its own host name: only known names are served.</summary>
[Collection(CoordinatorCollection.Name)]
public sealed class HostFilteringTests(CoordinatorFixture fixture)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("localhost.evil.example")]
    public async Task Get_UnknownHostHeader_Is400(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Host = host;

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task Get_LoopbackHostHeader_IsServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Host = host;

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_ConfiguredPublicName_IsServed()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:AllowedHosts:0"] = "hypertune.example.org" });
        using var api = coordinator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Host = "hypertune.example.org";

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
