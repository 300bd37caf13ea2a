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

    /// <summary>A live silo's training slots, tagged by silo and slot kind (real or synthetic).</summary>
    public const string SiloSlots = "hypertune.silo.slots";

    /// <summary>Trials holding one of a live silo's slots, tagged by silo and slot kind.</summary>
    public const string SiloTrialsRunning = "hypertune.silo.trials.running";

    /// <summary>Standby trials waiting for one of a live silo's slots, tagged by silo and slot kind.</summary>
    public const string SiloTrialsStandby = "hypertune.silo.trials.standby";

    /// <summary>1 while a live silo drains, 0 otherwise, tagged by silo.</summary>
    public const string SiloDraining = "hypertune.silo.draining";
}
