namespace HyperTune.Grains.Diagnostics;

/// <summary>The names of HyperTune's instruments.</summary>
public static class InstrumentNames
{
    /// <summary>Trials holding a slot and training now (not paused, not waiting for a slot).</summary>
    public const string TrialsRunning = "hypertune.trials.running";

    /// <summary>Trials started on a silo and waiting for one of its slots (standby trials, recoveries before their slot).</summary>
    public const string TrialsStandby = "hypertune.trials.standby";

    /// <summary>Trials finished, tagged by status.</summary>
    public const string TrialsFinished = "hypertune.trials.finished";

    /// <summary>Epochs trained.</summary>
    public const string Epochs = "hypertune.epochs";

    /// <summary>Checkpoint bytes written.</summary>
    public const string CheckpointBytes = "hypertune.checkpoint.bytes";

    /// <summary>Epoch results delivered to studies (their rate is results/s).</summary>
    public const string Results = "hypertune.results";
}
