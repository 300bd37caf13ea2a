using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Coordinator.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Dashboard.Tests;

/// <summary>
/// The real Coordinator served by Kestrel on a free port (a browser needs a real socket), with its live study source
/// wrapped so that studies named <c>synthetic-…</c> come from <see cref="SyntheticStudySource"/>.
/// </summary>
internal sealed class DashboardFactory : CoordinatorFactory
{
    public DashboardFactory(IReadOnlyList<int> gatewayPorts, string clusterId, string serviceId)
        : base(gatewayPorts, clusterId, serviceId) => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IStudyLiveSource));
            services.Remove(real);
            services.AddSingleton(sp => new SyntheticStudySource((IStudyLiveSource)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
            services.AddSingleton<IStudyLiveSource>(sp => sp.GetRequiredService<SyntheticStudySource>());
        });
    }
}
