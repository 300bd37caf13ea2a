using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Api;

/// <summary>One read of the cluster: the answer of <c>GET /api/cluster</c>, and the slot directory's view and the placed trials' states it was made from.</summary>
/// <param name="Response">The cluster as the API shows it.</param>
/// <param name="View">The slot directory's view.</param>
/// <param name="States">The state of each placed trial (a trial that did not answer is missing).</param>
internal sealed record ClusterReading(ClusterResponse Response, ClusterView View, IReadOnlyDictionary<string, TrialState> States);
