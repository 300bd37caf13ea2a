using HyperTune.Abstractions.Cluster;

namespace HyperTune.Coordinator.Api;

/// <summary>One silo's training slots as the API shows them.</summary>
/// <param name="Silo">The silo's address, e.g. <c>S127.0.0.1:11111:123456789</c>.</param>
/// <param name="Name">The silo's name.</param>
/// <param name="Slots">Its training slots.</param>
/// <param name="Used">Slots in use.</param>
/// <param name="Free">Slots free.</param>
/// <param name="TrialIds">The trials holding a slot there.</param>
/// <param name="SyntheticSlots">Its virtual slots for the synthetic trainable.</param>
/// <param name="SyntheticUsed">Synthetic slots in use.</param>
/// <param name="SyntheticTrialIds">The trials holding a synthetic slot there.</param>
public sealed record SiloSlotsResponse(
    string Silo, string Name, int Slots, int Used, int Free, IReadOnlyList<string> TrialIds, int SyntheticSlots, int SyntheticUsed, IReadOnlyList<string> SyntheticTrialIds)
{
    /// <summary>The API's view of <paramref name="slots"/>.</summary>
    public static SiloSlotsResponse From(SiloSlots slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return new(
            slots.Silo.ToString(), slots.Name, slots.Slots, slots.Used, slots.Free, slots.TrialIds, slots.Synthetic.Slots, slots.Synthetic.Used, slots.Synthetic.TrialIds);
    }
}
