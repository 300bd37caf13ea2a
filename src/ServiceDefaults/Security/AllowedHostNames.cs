using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// The host names a HyperTune endpoint answers to (ASP.NET Core host filtering): the loopback names, this machine's
/// name and interface addresses, <see cref="HyperTuneSecurityOptions.AllowedHosts"/> and the standard
/// <c>AllowedHosts</c> setting (semicolon-separated; <c>*</c> there turns the check off). A DNS-rebinding page reaches
/// the endpoint under the attacker's host name, which is none of these: it gets 400.
/// </summary>
internal static class AllowedHostNames
{
    /// <summary>The names every endpoint answers to.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Every allowed name for <paramref name="options"/> and <paramref name="configuration"/>.</summary>
    public static List<string> For(HyperTuneSecurityOptions options, IConfiguration configuration)
    {
        var names = new List<string>(Loopback);
        names.AddRange(ThisMachine());
        names.AddRange(options.AllowedHosts.Select(host => host.Trim()));
        var standard = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(standard))
        {
            names.AddRange(standard.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>This machine's host name and its interfaces' addresses (IPv6 in brackets; link-local ones left out).</summary>
    private static IEnumerable<string> ThisMachine()
    {
        var names = new List<string>();
        try
        {
            names.Add(Dns.GetHostName());
            foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address))
            {
                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    names.Add(address.ToString());
                }
                else if (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv6LinkLocal && address.ScopeId == 0)
                {
                    names.Add($"[{address}]");
                }
            }
        }
        catch (Exception e) when (e is NetworkInformationException or SocketException or PlatformNotSupportedException)
        {
            // Without the machine's own names only the loopback and configured names are allowed.
        }

        return names;
    }
}
