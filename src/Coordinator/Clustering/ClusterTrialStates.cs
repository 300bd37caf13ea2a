using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Clustering;

/// <summary>
/// Reads the state of every trial the slot directory places on a silo, so the cluster views tell running trials from
/// waiting ones (the directory knows places, not states). Costs one call per placed trial: at most each silo's slots
/// and its few standby trials.
/// </summary>
public static class ClusterTrialStates
{
    /// <summary>The state of each trial on <paramref name="view"/>'s silos that answered; the others are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, TrialState>> ReadAsync(IGrainFactory grains, ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(view);
        var ids = view.Silos.SelectMany(s => s.TrialIds.Concat(s.Synthetic.TrialIds)).Distinct(StringComparer.Ordinal).ToArray();
        var states = await Task.WhenAll(ids.Select(id => StateOfAsync(grains, id)));
        return ids.Zip(states).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!.Value, StringComparer.Ordinal);
    }

    private static async Task<TrialState?> StateOfAsync(IGrainFactory grains, string trialId)
    {
        try
        {
            return (await grains.GetGrain<ITrialGrain>(trialId).GetStatusAsync())?.State;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException)
        {
            return null;
        }
    }
}
