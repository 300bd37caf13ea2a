using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace HyperTune.Coordinator.Tests;

/// <summary>
/// <see cref="InProcessTestCluster"/> joins its silos (and its own client) through an in-memory transport, which a
/// client in another host cannot reach. The Coordinator is such a client and connects to gateways over TCP like in
/// production, so its test silos keep Orleans' default socket transport: the test cluster's in-memory connection
/// registrations are removed once every other registration is in (when the silo's service provider is built).
/// </summary>
internal static class SocketTransport
{
    public static void Use(IHostApplicationBuilder silo) => silo.ConfigureContainer(
        new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }),
        services =>
        {
            var testingHost = typeof(InProcessTestCluster).Assembly;
            var inMemory = services.Where(d => d.IsKeyedService
                && (d.ServiceType == typeof(IConnectionFactory) || d.ServiceType == typeof(IConnectionListenerFactory))
                && d.KeyedImplementationFactory?.Method.DeclaringType?.Assembly == testingHost).ToList();
            if (inMemory.Count == 0)
            {
                throw new InvalidOperationException("The test cluster registered no in-memory transport to replace; has Orleans.TestingHost changed?");
            }

            foreach (var descriptor in inMemory)
            {
                services.Remove(descriptor);
            }
        });
}
