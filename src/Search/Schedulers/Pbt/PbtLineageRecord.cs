namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>An exploit as its target trial's part saves it.</summary>
/// <param name="Sequence">Its 0-based place in the scheduler's whole lineage.</param>
/// <param name="Entry">The exploit.</param>
internal sealed record PbtLineageRecord(int Sequence, PbtLineageEntry Entry);
