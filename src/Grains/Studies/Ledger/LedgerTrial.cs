using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Ledger;

/// <summary>One trial as its study keeps it: its latest snapshot and what the study tracks to look after it.</summary>
public sealed class LedgerTrial
{
    internal LedgerTrial(TrialSnapshot snapshot) => Snapshot = snapshot;

    /// <summary>The trial id.</summary>
    public string TrialId => Snapshot.TrialId;

    /// <summary>Its number in the study (1-based).</summary>
    public int Number => Snapshot.Number;

    /// <summary>Its latest snapshot, as the study knows it.</summary>
    public TrialSnapshot Snapshot { get; internal set; }

    /// <summary>The silo whose training place it holds, while it is unfinished; null when it holds none.</summary>
    public SiloAddress? Placement { get; internal set; }

    /// <summary>How many times it was restarted after being lost.</summary>
    public int Retries { get; internal set; }

    /// <summary>How many of its restarts were moves off a draining silo (they do not count against its retries).</summary>
    public int Moves { get; internal set; }

    /// <summary>How many times the silo it trained on died while it trained (a trial that keeps killing silos is failed).</summary>
    public int SiloCrashes { get; internal set; }

    /// <summary>Why it is lost, while it waits for a slot to restart on; null otherwise.</summary>
    public string? Lost { get; internal set; }

    /// <summary>True once it finished.</summary>
    public bool IsFinished => Snapshot.State.IsFinished();
}
