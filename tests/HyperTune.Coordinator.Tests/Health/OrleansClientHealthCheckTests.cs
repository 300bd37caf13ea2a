using System.Net;

namespace HyperTune.Coordinator.Tests.Health;

[Collection(CoordinatorCollection.Name)]
public sealed class OrleansClientHealthCheckTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task Health_ClientConnected_IsHealthy()
    {
        var response = await fixture.Api.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_ProcessAnswers_IsHealthy()
    {
        var response = await fixture.Api.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
