using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// What a scheduler remembers of one trial: its config, its objective scores by epoch (higher is better: the metric,
/// negated when minimizing; NaN or missing is −∞), its latest checkpoint and its status. Mutable by the scheduler that
/// owns it, and saved as part of the scheduler's state.
/// </summary>
public sealed class SchedulerTrial
{
    /// <summary>The trial id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The 0-based order in which the scheduler heard of the trial.</summary>
    public int Index { get; set; }

    /// <summary>The trial's current config (PBT replaces it on exploit).</summary>
    public TrialConfig Config { get; set; } = TrialConfig.Empty;

    /// <summary>Running, pruned, completed or failed.</summary>
    public SchedulerTrialStatus Status { get; set; }

    /// <summary>The scores by epoch, in the order reported (epochs ascending unless PBT restarted the trial).</summary>
    public List<EpochScore> Scores { get; set; } = [];

    /// <summary>The epoch of the latest checkpoint, or null when there is none.</summary>
    public int? LatestCheckpoint { get; set; }

    /// <summary>The reason of the prune, once pruned.</summary>
    public string? PruneReason { get; set; }

    /// <summary>The last score, or null before any result.</summary>
    public double? LastScore => Scores.Count == 0 ? null : Scores[^1].Score;

    /// <summary>The last epoch reported, or 0 before any result.</summary>
    public int LastEpoch => Scores.Count == 0 ? 0 : Scores[^1].Epoch;

    /// <summary>The score at <paramref name="epoch"/>, or null when the trial did not report it.</summary>
    public double? ScoreAt(int epoch)
    {
        for (var i = Scores.Count - 1; i >= 0; i--)
        {
            if (Scores[i].Epoch == epoch)
            {
                return Scores[i].Score;
            }
        }

        return null;
    }
}
