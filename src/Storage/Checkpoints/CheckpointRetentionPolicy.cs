namespace HyperTune.Storage.Checkpoints;

/// <summary>
/// Keeps the latest <see cref="CheckpointRetentionOptions.KeepLast"/> checkpoints of a run, plus the best one when
/// <see cref="CheckpointRetentionOptions.KeepBest"/> is set, and deletes the rest.
/// </summary>
public sealed class CheckpointRetentionPolicy
{
    /// <summary>Creates a policy from its options.</summary>
    public CheckpointRetentionPolicy(CheckpointRetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KeepLast, 1, nameof(options.KeepLast));
        KeepLast = options.KeepLast;
        KeepBest = options.KeepBest;
    }

    /// <summary>The policy of the default options: the last two and the best.</summary>
    public static CheckpointRetentionPolicy Default { get; } = new(new CheckpointRetentionOptions());

    /// <summary>The newest checkpoints kept.</summary>
    public int KeepLast { get; }

    /// <summary>Whether the best checkpoint is kept too.</summary>
    public bool KeepBest { get; }

    /// <summary>
    /// The checkpoints to delete from <paramref name="checkpoints"/> (one run's, in any order), oldest first.
    /// </summary>
    /// <param name="checkpoints">The run's checkpoints.</param>
    /// <param name="bestEpoch">The epoch of the best checkpoint, or null when none is best yet.</param>
    public IReadOnlyList<CheckpointInfo> SelectForDeletion(IReadOnlyCollection<CheckpointInfo> checkpoints, int? bestEpoch)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var newestFirst = checkpoints.OrderByDescending(c => c.Epoch).ToList();
        var doomed = new List<CheckpointInfo>();
        for (var i = KeepLast; i < newestFirst.Count; i++)
        {
            var checkpoint = newestFirst[i];
            if (!(KeepBest && checkpoint.Epoch == bestEpoch))
            {
                doomed.Add(checkpoint);
            }
        }

        doomed.Reverse();
        return doomed;
    }

    /// <summary>Lists a run's checkpoints in <paramref name="store"/> and deletes those the policy does not keep.</summary>
    /// <returns>The checkpoints deleted, oldest first.</returns>
    public async Task<IReadOnlyList<CheckpointInfo>> ApplyAsync(ICheckpointStore store, string runId, int? bestEpoch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var doomed = SelectForDeletion(await store.ListAsync(runId, cancellationToken).ConfigureAwait(false), bestEpoch);
        foreach (var checkpoint in doomed)
        {
            await store.DeleteAsync(runId, checkpoint.Epoch, cancellationToken).ConfigureAwait(false);
        }

        return doomed;
    }
}
