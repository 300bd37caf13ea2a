using System.Net;
using Microsoft.AspNetCore.Http;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>Tells whether an address a server listens on can be reached from other machines.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// True for an address only this machine can reach: <c>localhost</c>, a loopback IP (<c>127.0.0.0/8</c>,
    /// <c>::1</c>), a Unix socket or a named pipe. False for everything else, including <c>0.0.0.0</c>, <c>[::]</c>,
    /// <c>*</c>, <c>+</c>, a host name (Kestrel listens on every interface for one) and anything it cannot read.
    /// </summary>
    public static bool IsLocalOnly(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return true;
        }

        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
