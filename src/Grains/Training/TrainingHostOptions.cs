using System.ComponentModel.DataAnnotations;

namespace HyperTune.Grains.Training;

/// <summary>How a silo trains trials. Bound from the <c>HyperTune:Training</c> configuration section.</summary>
public sealed class TrainingHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Training";

    /// <summary>Trials this silo trains at once. Default: the processor count.</summary>
    [Range(1, 1024)]
    public int Slots { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Virtual slots for trials of the synthetic trainable, which wait on timers and use no core, counted apart from
    /// <see cref="Slots"/>. Default 16; 0 keeps synthetic trials off this silo.
    /// </summary>
    [Range(0, 100_000)]
    public int SyntheticSlots { get; set; } = 16;

    /// <summary>libtorch intra-op threads (process-wide, shared by all trials of the silo). Default 1.</summary>
    [Range(1, 256)]
    public int TorchThreads { get; set; } = 1;

    /// <summary>
    /// Directory that dataset paths (CSV files) are resolved in; a spec's path must stay inside it (or inside one of
    /// <see cref="DataRoots"/>). Default: the working directory.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = ".";

    /// <summary>
    /// More directories dataset paths are looked up in, in order, when the data directory lacks the file
    /// (<c>HyperTune:Training:DataRoots:0</c>, …). Default: none.
    /// </summary>
    public IList<string> DataRoots { get; } = [];

    /// <summary>Directory of the local checkpoint store. Default <c>.hypertune/checkpoints</c>.</summary>
    [Required]
    public string CheckpointDirectory { get; set; } = Path.Combine(".hypertune", "checkpoints");
}
