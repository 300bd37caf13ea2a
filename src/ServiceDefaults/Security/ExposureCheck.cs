using HyperTune.ServiceDefaults.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// Once the server listens, reads the addresses it really bound (whatever set them: <c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c>, Kestrel endpoints) and decides <see cref="EndpointExposure"/>. An endpoint
/// other machines can reach with no token configured stops the start with a clear message, unless
/// <see cref="HyperTuneSecurityOptions.AllowAnonymous"/> is set (then a warning is logged).
/// </summary>
internal sealed class ExposureCheck(
    IServer server,
    EndpointExposure exposure,
    AccessTokens tokens,
    IOptions<HyperTuneSecurityOptions> options,
    ILogger<ExposureCheck> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // An in-memory server (tests) lists no address: nothing outside the process can reach it.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var reachable = addresses.Where(address => !ListenAddresses.IsLocalOnly(address)).ToList();
        exposure.Decide(reachable.Count > 0);
        var listed = string.Join(", ", addresses);
        if (reachable.Count > 0 && tokens.IsEmpty)
        {
            if (!options.Value.AllowAnonymous)
            {
                var message = RefusalMessage(reachable);
                Log.ExposureRefused(logger, message);
                throw new InvalidOperationException(message);
            }

            Log.AnonymousExposure(logger, listed);
        }

        Log.EndpointListening(logger, listed, reachable.Count > 0, exposure.RequiresCredential, options.Value.EffectiveTokens.Count);
        return Task.CompletedTask;
    }

    /// <summary>Why the start stops, and the three ways out.</summary>
    internal static string RefusalMessage(IReadOnlyList<string> reachable) =>
        $"Refusing to serve {string.Join(", ", reachable)} without a token: other machines can reach it, and anyone who does could "
        + "stop every study. Set a token (HyperTune:Security:Token, e.g. the environment variable HyperTune__Security__Token), "
        + "listen on loopback only (e.g. --urls http://127.0.0.1:5080), or accept anonymous access with "
        + "HyperTune:Security:AllowAnonymous=true.";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
