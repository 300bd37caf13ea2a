using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace HyperTune.Silo.Hosting;

/// <summary>
/// The addresses of this machine, and the rules a silo's advertised address follows: it defaults to the first
/// non-loopback IPv4 address when the silo is reachable beyond loopback, and it must be one of this machine's addresses
/// (a silo advertising another machine's address would be unreachable, and would look dead to the others).
/// </summary>
internal static class HostAddresses
{
    /// <summary>The unicast addresses of this machine's interfaces that are up, in the order the system lists them.</summary>
    public static IReadOnlyList<IPAddress> Current() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)];

    /// <summary>The first IPv4 address of <paramref name="addresses"/> that is not loopback, or loopback when there is none.</summary>
    public static IPAddress FirstReachable(IEnumerable<IPAddress> addresses) =>
        addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;

    /// <summary>
    /// Null when <paramref name="advertised"/> is an address of this machine (any loopback address is), otherwise why
    /// the silo must not start.
    /// </summary>
    public static string? Check(IPAddress advertised, IReadOnlyCollection<IPAddress> hostAddresses)
    {
        ArgumentNullException.ThrowIfNull(advertised);
        ArgumentNullException.ThrowIfNull(hostAddresses);
        if (IPAddress.IsLoopback(advertised) || hostAddresses.Contains(advertised))
        {
            return null;
        }

        var known = hostAddresses.Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.ToString()).ToArray();
        return $"HyperTune:Cluster:AdvertisedAddress {advertised} is not an address of this machine, so other silos and clients could not reach it; "
            + (known.Length == 0 ? "this machine has no IPv4 address but loopback." : $"this machine's IPv4 addresses: {string.Join(", ", known)}.");
    }
}
