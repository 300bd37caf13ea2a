using System.Net.Sockets;
using HyperTune.Coordinator.Hosting;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Health;

/// <summary>
/// Says, for a person, which part of the cluster cannot be reached — "no silo answers on the gateways 30000–30001" —
/// from the configuration and the kind of failure alone: never an exception's text, type, stack or an address beyond
/// the configured gateway ports.
/// </summary>
internal sealed class ClusterDescription(IOptions<CoordinatorClusterOptions> options, IConfiguration configuration)
{
    /// <summary>The gateways the Coordinator connects to, e.g. "the gateways 30000–30001" or "the gateway 30000".</summary>
    public string Gateways
    {
        get
        {
            if (configuration.GetSection(OrleansClientExtensions.OrleansClusteringSection).Exists())
            {
                return "the cluster's gateways";
            }

            if (options.Value.SqlitePath is { Length: > 0 })
            {
                return "the gateways of the cluster's membership table";
            }

            var ports = options.Value.EffectiveGatewayPorts.Distinct().Order().ToArray();
            return ports.Length == 1 ? $"the gateway {ports[0]}" : "the gateways " + Ranges(ports);
        }
    }

    /// <summary>
    /// What is wrong, as a clause: "no silo answers on the gateways 30000–30001" (no gateway connected), "the cluster
    /// did not answer in time", "a silo it needed does not answer" (the gateway is there, but the call could not reach
    /// the silo it was for: a dead primary, a silo not yet declared dead) or "a silo could not complete the call".
    /// </summary>
    public string Describe(Exception? failure, int connectedGateways)
    {
        if (connectedGateways == 0)
        {
            return "no silo answers on " + Gateways;
        }

        if (Has(failure, e => e is TimeoutException))
        {
            return "the cluster did not answer in time";
        }

        if (Has(failure, e => e is SocketException || e.GetType().Name is "SiloUnavailableException" or "OrleansMessageRejectionException"
                or "ConnectionFailedException" or "SocketConnectionException"))
        {
            return "a silo it needed does not answer";
        }

        return "a silo could not complete the call";
    }

    private static bool Has(Exception? failure, Func<Exception, bool> kind)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (kind(e) || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Has(inner, kind))))
            {
                return true;
            }
        }

        return false;
    }

    // 30000, 30001, 30002, 30005 → "30000–30002, 30005"
    private static string Ranges(int[] ports)
    {
        var parts = new List<string>();
        for (var i = 0; i < ports.Length;)
        {
            var j = i;
            while (j + 1 < ports.Length && ports[j + 1] == ports[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? $"{ports[i]}" : $"{ports[i]}–{ports[j]}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
