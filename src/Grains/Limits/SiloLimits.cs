using HyperTune.Grains.Training;
using HyperTune.Search.Limits;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Limits;

/// <summary>
/// This silo's <see cref="StudyLimits"/> (<c>HyperTune:Limits</c>), with the automatic memory budget worked out from
/// the machine's memory (as the runtime sees it, container limits included) and the silo's training slots.
/// </summary>
public sealed class SiloLimits
{
    /// <summary>Resolves the limits once.</summary>
    public SiloLimits(IOptions<StudyLimits> limits, IOptions<TrainingHostOptions> training)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(training);
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Current = limits.Value.WithAutomaticMemory(memory > 0 ? memory : 8L << 30, Math.Max(1, training.Value.Slots));
    }

    /// <summary>Limits given whole (tests, tools).</summary>
    public SiloLimits(StudyLimits current)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
    }

    /// <summary>The limits in force, <see cref="StudyLimits.MaxTrainingMemoryBytes"/> worked out.</summary>
    public StudyLimits Current { get; }
}
