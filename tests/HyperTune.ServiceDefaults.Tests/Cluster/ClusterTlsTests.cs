using System.Net;
using System.Net.Sockets;
using HyperTune.ServiceDefaults.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Tests.Cluster;

/// <summary>
/// A real silo and a real client, each a host of its own on loopback ports, configured only through
/// <c>HyperTune:Cluster:Tls</c> as an operator would: they talk when both hold trusted certificates, and a client
/// without TLS or with a certificate the silo does not trust is refused.
/// </summary>
public sealed class ClusterTlsTests : IDisposable
{
    private const string Password = "test-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Connect_BothShareOneSelfSignedCertificate_TheClientCallsTheSilo()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        var tls = Pfx(shared);
        var (silo, gateway) = await StartSiloAsync(tls);
        using var _ = silo;

        using var client = await StartClientAsync(gateway, tls);

        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Single(hosts);
    }

    [Fact]
    public async Task Connect_LeavesOfTheClusterAuthorityInPem_TheClientCallsTheSilo()
    {
        using var authority = TestCertificates.Authority("hypertune-ca");
        using var siloCertificate = TestCertificates.IssuedBy(authority, "silo-0");
        using var clientCertificate = TestCertificates.IssuedBy(authority, "coordinator");
        var (trusted, _) = TestCertificates.WritePem(authority, _directory);
        var (silo, gateway) = await StartSiloAsync(Pem(siloCertificate, trusted));
        using var _ = silo;

        using var client = await StartClientAsync(gateway, Pem(clientCertificate, trusted));

        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Single(hosts);
    }

    [Fact]
    public async Task Connect_ClientCertificateNotTrusted_IsRefused()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        using var rogue = TestCertificates.SelfSigned("hypertune-cluster");
        var siloSettings = Pfx(shared);
        siloSettings["HyperTune:Cluster:Tls:HandshakeTimeout"] = "00:00:02"; // the refusing side waits for it
        var (silo, gateway) = await StartSiloAsync(siloSettings);
        using var _ = silo;
        var settings = Pfx(rogue);
        settings["HyperTune:Cluster:Tls:HandshakeTimeout"] = "00:00:02";

        await Assert.ThrowsAnyAsync<Exception>(() => StartClientAsync(gateway, settings));
    }

    [Fact]
    public async Task Connect_ClientWithoutTls_IsRefused()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        var (silo, gateway) = await StartSiloAsync(Pfx(shared));
        using var _ = silo;

        await Assert.ThrowsAnyAsync<Exception>(() => StartClientAsync(gateway, new Dictionary<string, string?>()));
    }

    [Fact]
    public void Read_WrongPassword_FailsNamingTheSettingButNotThePassword()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        var settings = Pfx(shared);
        settings["HyperTune:Cluster:Tls:CertificatePassword"] = "not-the-password";

        var failure = Assert.Throws<OptionsValidationException>(() => ClusterTls.Read(Configuration(settings)));

        Assert.Contains("HyperTune:Cluster:Tls:CertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CertificateWithoutKey_FailsSayingSo()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(shared.RawData);
        var (certificate, _) = TestCertificates.WritePem(publicOnly, _directory);

        var failure = Assert.Throws<OptionsValidationException>(() => ClusterTls.Read(Configuration(new() { ["HyperTune:Cluster:Tls:CertificatePath"] = certificate })));

        Assert.Contains("private key", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HandshakeTimeoutOutOfRange_FailsNamingIt()
    {
        using var shared = TestCertificates.SelfSigned("hypertune-cluster");
        var settings = Pfx(shared);
        settings["HyperTune:Cluster:Tls:HandshakeTimeout"] = "00:00:00.010";

        var failure = Assert.Throws<OptionsValidationException>(() => ClusterTls.Read(Configuration(settings)));

        Assert.Contains("HandshakeTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoCertificate_IsOff()
    {
        Assert.Null(ClusterTls.Read(Configuration([])));
    }

    private Dictionary<string, string?> Pfx(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => new()
    {
        ["HyperTune:Cluster:Tls:CertificatePath"] = TestCertificates.WritePfx(certificate, _directory, Password),
        ["HyperTune:Cluster:Tls:CertificatePassword"] = Password,
    };

    private Dictionary<string, string?> Pem(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string trusted)
    {
        var (path, key) = TestCertificates.WritePem(certificate, _directory);
        return new()
        {
            ["HyperTune:Cluster:Tls:CertificatePath"] = path,
            ["HyperTune:Cluster:Tls:KeyPath"] = key,
            ["HyperTune:Cluster:Tls:TrustedCertificatePath"] = trusted,
        };
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static async Task<(IHost Silo, int GatewayPort)> StartSiloAsync(Dictionary<string, string?> settings)
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var configuration = Configuration(settings);
        var silo = new HostBuilder()
            .UseOrleans(builder => builder.UseLocalhostClustering(siloPort, gatewayPort).UseHyperTuneTls(configuration))
            .Build();
        await silo.StartAsync();
        return (silo, gatewayPort);
    }

    private static async Task<IHost> StartClientAsync(int gatewayPort, Dictionary<string, string?> settings)
    {
        var configuration = Configuration(settings);
        var client = new HostBuilder()
            .UseOrleansClient(builder => builder
                .UseLocalhostClustering(gatewayPort)
                .UseHyperTuneTls(configuration)
                .UseConnectionRetryFilter((_, _) => Task.FromResult(false)))
            .Build();
        try
        {
            await client.StartAsync();
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
