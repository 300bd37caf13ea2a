using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.EndToEnd.Tests;

/// <summary>
/// The real AppHost — two silo processes and the Coordinator — started once for every end-to-end test, on ports of
/// its own so it does not collide with a cluster a developer is running.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>A database of this run's own, so studies of earlier runs never show up.</summary>
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hypertune-e2e-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The cluster's access token, given to the AppHost as its parameter (nothing is generated or persisted).</summary>
    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A client of the Coordinator's API that sends <see cref="Token"/>.</summary>
    public HttpClient Coordinator { get; private set; } = null!;

    public Uri CoordinatorUrl => Coordinator.BaseAddress!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HyperTune_AppHost>(
        [
            "--HyperTune:Silos=2",
            "--HyperTune:SlotsPerSilo=1",
            "--HyperTune:SiloPort=21111",
            "--HyperTune:GatewayPort=40000",
            "--HyperTune:SiloHttpPort=25090",
            "--HyperTune:CoordinatorPort=25080",
            "--HyperTune:SqlitePath=" + Path.Combine(_dataDirectory, "hypertune.db"),
            "--Parameters:hypertune-token=" + Token,
        ]);
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMinutes(5)));
        App = await builder.BuildAsync();
        using var starting = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(starting.Token);
        foreach (var resource in new[] { "silo-0", "silo-1", "coordinator" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, starting.Token);
        }

        Coordinator = CreateClient("coordinator");
    }

    /// <summary>A client of <paramref name="resource"/>'s HTTP endpoint that sends <see cref="Token"/>.</summary>
    public HttpClient CreateClient(string resource)
    {
        var client = App.CreateHttpClient(resource, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Coordinator?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}
