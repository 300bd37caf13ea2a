namespace HyperTune.Grains.Diagnostics;

/// <summary>Which gauge a trial counts in (<see cref="TrialPresence"/>).</summary>
public enum TrialPresenceKind
{
    /// <summary>Neither: paused, finished, or not training on this silo.</summary>
    None,

    /// <summary>Waiting for a slot (<c>hypertune.trials.standby</c>).</summary>
    Standby,

    /// <summary>Holding a slot and training (<c>hypertune.trials.running</c>).</summary>
    Running,
}
