namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>
/// Whether a completed trial's history is continuous through its restarts: it holds epochs 1..n once each, in order,
/// with n its epochs to train; every restart rewound to a checkpoint (a multiple of the checkpoint interval, or 0: from
/// scratch) no later than where it stood, and the last restart continued.
/// </summary>
public static class HistoryContinuity
{
    /// <summary>Every way <paramref name="trial"/> breaks continuity, in words; empty when it holds.</summary>
    public static IReadOnlyList<string> Problems(TrialRecord trial, int checkpointInterval)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointInterval, 1);
        var problems = new List<string>();
        for (var i = 0; i < trial.Epochs.Count; i++)
        {
            if (trial.Epochs[i] != i + 1)
            {
                problems.Add($"{trial.TrialId}: epoch {i + 1} expected at position {i + 1} of its history, found epoch {trial.Epochs[i]}");
                break;
            }
        }

        if (trial.Epochs.Count != trial.MaxEpochs)
        {
            problems.Add($"{trial.TrialId}: {trial.Epochs.Count} epochs in its history, {trial.MaxEpochs} expected");
        }

        int? standingAt = null;
        foreach (var e in trial.Events)
        {
            if (e.Kind == HistoryEvent.Recovering)
            {
                standingAt = e.Epoch;
            }
            else if (e.Kind == HistoryEvent.Resumed)
            {
                if (standingAt is null)
                {
                    problems.Add($"{trial.TrialId}: resumed at epoch {e.Epoch} without a restart before it");
                }
                else if (e.Epoch > standingAt)
                {
                    problems.Add($"{trial.TrialId}: resumed at epoch {e.Epoch}, beyond epoch {standingAt} where it stood when restarted");
                }

                if (e.Epoch % checkpointInterval != 0)
                {
                    problems.Add($"{trial.TrialId}: resumed at epoch {e.Epoch}, not a checkpoint (every {checkpointInterval} epochs)");
                }

                standingAt = null;
            }
        }

        if (standingAt is { } stood)
        {
            problems.Add($"{trial.TrialId}: restarted at epoch {stood} and never resumed");
        }

        return problems;
    }

    /// <summary>
    /// The epochs <paramref name="trial"/> trained again: for each resume, from the checkpoint it continued from to the
    /// epoch it stood at when (last) restarted.
    /// </summary>
    public static int EpochsRetrained(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var retrained = 0;
        int? standingAt = null;
        foreach (var e in trial.Events)
        {
            if (e.Kind == HistoryEvent.Recovering)
            {
                standingAt = e.Epoch;
            }
            else if (e.Kind == HistoryEvent.Resumed && standingAt is { } stood)
            {
                retrained += Math.Max(0, stood - e.Epoch);
                standingAt = null;
            }
        }

        return retrained;
    }
}
