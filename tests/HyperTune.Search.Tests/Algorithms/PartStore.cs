using HyperTune.Search.Algorithms;

namespace HyperTune.Search.Tests.Algorithms;

/// <summary>
/// A store of state parts as a study grain keeps them: one shared row and one row per trial, written after every event
/// with the shared part and the parts of the changed trials only.
/// </summary>
internal sealed class PartStore
{
    public byte[] Shared { get; private set; } = [];

    public Dictionary<string, byte[]> Trials { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes what changed; a changed trial must have a part.</summary>
    public void Flush(IPartitionedState state)
    {
        Shared = state.SaveShared();
        foreach (var id in state.TakeChangedTrials())
        {
            Trials[id] = state.SaveTrial(id) ?? throw new InvalidOperationException($"Trial '{id}' is reported changed but has no part.");
        }
    }

    /// <summary>Restores <paramref name="state"/> from the rows, handed over in a shuffled order.</summary>
    public void RestoreInto(IPartitionedState state, Random random)
    {
        var rows = Trials.ToArray();
        random.Shuffle(rows);
        state.Restore(Shared, rows);
    }
}
