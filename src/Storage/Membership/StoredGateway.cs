namespace HyperTune.Storage.Membership;

/// <summary>Where a client can reach a live silo.</summary>
/// <param name="Address">The silo's IP address, as text.</param>
/// <param name="ProxyPort">Its client gateway port.</param>
/// <param name="Generation">Its generation.</param>
public sealed record StoredGateway(string Address, int ProxyPort, int Generation);
