using HyperTune.Training.Control;

namespace HyperTune.Grains.Training;

/// <summary>
/// How a trial's training continues instead of starting afresh: the checkpoints to try, newest first (the first usable
/// one wins; none usable means from scratch), whether to start paused, and commands to apply from the first step on.
/// </summary>
/// <param name="Candidates">Checkpoints to try, in order.</param>
/// <param name="Paused">Start paused.</param>
/// <param name="Commands">Learning-rate commands applied after the restore (population-based training sends its perturbation here).</param>
/// <param name="Loaded">A checkpoint already read and checked (population-based training holds its source's bytes
/// before it abandons the trial's own run); used instead of <paramref name="Candidates"/>.</param>
internal sealed record ResumePlan(
    IReadOnlyList<CheckpointSource> Candidates,
    bool Paused = false,
    IReadOnlyList<LearningRateCommand>? Commands = null,
    LoadedCheckpoint? Loaded = null);
