using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperTune.Coordinator.Tests;

/// <summary>
/// The real Coordinator on the shared test cluster, with settings of its own (<c>HyperTune:Security:…</c>,
/// <c>HyperTune:Api:…</c>) and every log entry captured; on Kestrel when given <c>urls</c> (a real socket, to
/// test where it listens and Kestrel's own limits), in memory otherwise.
/// </summary>
internal sealed class FrontDoorFactory : CoordinatorFactory
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public FrontDoorFactory(CoordinatorFixture fixture, IReadOnlyDictionary<string, string>? settings = null, string? urls = null)
        : base(fixture.Cluster.Silos.Select(s => s.GatewayAddress!.Endpoint.Port).ToArray(), fixture.Cluster.Options.ClusterId, fixture.Cluster.Options.ServiceId)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Urls = urls;
        if (urls is not null)
        {
            UseKestrel();
        }
    }

    /// <summary>Where Kestrel is asked to listen; null in memory.</summary>
    public string? Urls { get; }

    /// <summary>Every log entry of the Coordinator.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// A client of the Kestrel-served Coordinator over loopback (<c>127.0.0.1</c> and the port it got), whatever
    /// address it listens on.
    /// </summary>
    public HttpClient CreateSocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (Urls is not null)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, Urls);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(category: null, LogLevel.Trace));
    }
}
