using Microsoft.AspNetCore.Http;

namespace HyperTune.ServiceDefaults.Tests.Telemetry;

/// <summary>Which requests the Coordinator's and silos' tracing records (the filter ServiceDefaults gives ASP.NET Core's instrumentation).</summary>
public sealed class TracedRequestsTests
{
    [Theory]
    [InlineData("/_blazor", false)]
    [InlineData("/_blazor/negotiate", false)]
    [InlineData("/_blazor/initializers", false)]
    [InlineData("/health", false)]
    [InlineData("/alive", false)]
    [InlineData("/api/studies", true)]
    [InlineData("/studies/s-1", true)]
    [InlineData("/_blazorx", true)]
    public void IsTraced_ThePath_TracesAllButProbesAndTheBlazorHub(string path, bool traced)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(traced, Microsoft.Extensions.Hosting.ServiceDefaultsExtensions.IsTraced(context));
    }
}
