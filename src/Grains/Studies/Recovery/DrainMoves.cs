using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Ledger;

namespace HyperTune.Grains.Studies.Recovery;

/// <summary>
/// Decides when a trial on a draining silo moves off it. A trial that has not begun training moves at once; one whose
/// latest epoch is checkpointed moves at once too (it loses nothing); otherwise it trains on until its next checkpoint
/// of its latest epoch, and after <see cref="StudyRecoveryOptions.DrainMoveTimeout"/> it moves anyway from the
/// checkpoint it has. It keeps only what it needs for the trials on draining silos and the checkpoints of unfinished
/// trials, so its cost does not grow with the study's history.
/// </summary>
internal sealed class DrainMoves(StudyContext context)
{
    private readonly Dictionary<string, DateTimeOffset> _drainSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _checkpointed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _moving = new(StringComparer.Ordinal);

    /// <summary>True while a move of <paramref name="trialId"/> is under way.</summary>
    public bool IsMoving(string trialId) => _moving.Contains(trialId);

    /// <summary>The trial stored a checkpoint of <paramref name="epoch"/>.</summary>
    public void Checkpointed(string trialId, int epoch)
    {
        if (epoch > _checkpointed.GetValueOrDefault(trialId, -1))
        {
            _checkpointed[trialId] = epoch;
        }
    }

    /// <summary>
    /// Why <paramref name="trial"/> moves off its silo now; null when it trains on (its silo does not drain, a move is
    /// under way, or it waits for its next checkpoint). A returned reason marks the move as under way.
    /// </summary>
    public string? Decide(LedgerTrial trial, bool draining)
    {
        var id = trial.TrialId;
        if (!draining)
        {
            _drainSeen.Remove(id);
            return null;
        }

        if (_moving.Contains(id))
        {
            return null;
        }

        var now = context.Now;
        if (!_drainSeen.TryGetValue(id, out var since))
        {
            _drainSeen[id] = since = now;
        }

        var snapshot = trial.Snapshot;
        var silo = string.IsNullOrEmpty(snapshot.Silo) ? trial.Placement?.ToString() : snapshot.Silo;
        var checkpoint = Math.Max(_checkpointed.GetValueOrDefault(id), snapshot.LastCheckpointEpoch);
        var timeout = context.Recovery.DrainMoveTimeout;
        string? reason =
            snapshot.StartedAt is null || snapshot.Epoch == 0 ? $"its silo {silo} drains; it had trained no epoch there"
            : checkpoint >= snapshot.Epoch ? $"its silo {silo} drains; it continues from its checkpoint at epoch {checkpoint}"
            : now - since >= timeout ? $"its silo {silo} drains and it stored no checkpoint of its latest epoch within {timeout}; it continues from "
                + (checkpoint > 0 ? $"its checkpoint at epoch {checkpoint}" : "scratch") + $" and trains epochs {checkpoint + 1}–{snapshot.Epoch} again"
            : null;
        if (reason is not null)
        {
            _moving.Add(id);
        }

        return reason;
    }

    /// <summary>The move of <paramref name="trialId"/> ended (done, or to be tried again at the next check).</summary>
    public void Moved(string trialId) => _moving.Remove(trialId);

    /// <summary>The trial finished: nothing more to keep.</summary>
    public void Forget(string trialId)
    {
        _drainSeen.Remove(trialId);
        _checkpointed.Remove(trialId);
        _moving.Remove(trialId);
    }
}
