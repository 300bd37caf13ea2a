using System.Net;
using HyperTune.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;

namespace HyperTune.Coordinator.Clustering;

/// <summary>
/// Finds the cluster's gateways in the membership table the silos keep in their shared SQLite file: every Active silo
/// with a gateway port, whichever silos are alive now. Orleans asks again every
/// <see cref="GatewayOptions.GatewayListRefreshPeriod"/>, so a restarted silo is found at the next refresh.
/// </summary>
internal sealed class SqliteGatewayListProvider(SqliteDatabase database, IOptions<ClusterOptions> cluster, IOptions<GatewayOptions> gateways) : IGatewayListProvider
{
    private readonly SqliteMembershipStore _store = new(database, cluster.Value.ClusterId);

    /// <inheritdoc />
    public TimeSpan MaxStaleness => gateways.Value.GatewayListRefreshPeriod;

    /// <inheritdoc />
    [Obsolete("Orleans treats every provider as updatable.")]
    public bool IsUpdatable => true;

    /// <inheritdoc />
    public Task InitializeGatewayListProvider() => database.InitializeAsync();

    /// <inheritdoc />
    public async Task<IList<Uri>> GetGateways() =>
        [.. (await _store.ReadGatewaysAsync((int)SiloStatus.Active).ConfigureAwait(false))
            .Select(g => SiloAddress.New(IPAddress.Parse(g.Address), g.ProxyPort, g.Generation).ToGatewayUri())];
}
