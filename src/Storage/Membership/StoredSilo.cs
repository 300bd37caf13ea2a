namespace HyperTune.Storage.Membership;

/// <summary>
/// One silo's row of a cluster's membership table: its identity (address, port, generation), what it announces and
/// what the membership protocol records about it. The store gives the numbers no meaning; the clustering adapter does.
/// </summary>
/// <param name="Address">The silo's IP address, as text.</param>
/// <param name="Port">Its silo-to-silo port.</param>
/// <param name="Generation">Its generation: a new one at every start, so a restarted silo is a new row.</param>
/// <param name="SiloName">Its name.</param>
/// <param name="HostName">The name of its machine.</param>
/// <param name="Status">Its membership status code.</param>
/// <param name="ProxyPort">Its client gateway port; 0 when it has none.</param>
/// <param name="SuspectTimes">Who suspects it and since when, in the adapter's own encoding; null when nobody does.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="IAmAliveTime">When it last said it was alive.</param>
public sealed record StoredSilo(
    string Address,
    int Port,
    int Generation,
    string SiloName,
    string HostName,
    int Status,
    int ProxyPort,
    string? SuspectTimes,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime);
