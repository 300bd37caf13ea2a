namespace HyperTune.Abstractions.Trials;

/// <summary>
/// One trial: trains one configuration on a thread of its own, reports every epoch to its study and obeys commands
/// while it trains. Keyed by <c>{studyId}/{number}</c>.
/// </summary>
public interface ITrialGrain : IGrainWithStringKey
{
    /// <summary>Starts training; a second start of the same trial is refused.</summary>
    Task<CommandResult> StartAsync(TrialStartRequest request);

    /// <summary>Multiplies the learning rate by <paramref name="factor"/> from the next optimizer step on.</summary>
    Task<CommandResult> DecayLearningRateAsync(double factor, string source = "user");

    /// <summary>Sets the learning rate to <paramref name="value"/> from the next optimizer step on.</summary>
    Task<CommandResult> SetLearningRateAsync(double value, string source = "user");

    /// <summary>Pauses training between two steps; the trial keeps its slot.</summary>
    Task<CommandResult> PauseAsync();

    /// <summary>Resumes a paused trial.</summary>
    Task<CommandResult> ResumeAsync();

    /// <summary>Stops training; the trial ends as Stopped (or Pruned when <paramref name="pruned"/>).</summary>
    Task<CommandResult> StopAsync(bool pruned = false, string? reason = null);

    /// <summary>
    /// Restarts a trial that was lost (its silo died, it stopped reporting, or it failed): any training still running
    /// for it is abandoned, and training continues from its latest usable checkpoint, or from scratch when none is.
    /// Refused for a trial that completed, was stopped, pruned or diverged.
    /// </summary>
    Task<CommandResult> RecoverAsync(TrialRecovery recovery);

    /// <summary>
    /// Ends the trial's run on its silo because the silo drains: the training there is abandoned, the trial stays
    /// unfinished in storage, and its activation leaves the silo, so that its study restarts it on another silo from its
    /// latest checkpoint (<see cref="RecoverAsync"/>). Recorded as a <see cref="TrialEventKinds.MovedOff"/> event.
    /// Refused for a finished trial.
    /// </summary>
    Task<CommandResult> MoveOffAsync(string reason);

    /// <summary>
    /// Population-based training: abandons the current training and continues from another trial's checkpoint with a
    /// new config; a learning-rate factor, when given, is applied through the same command path a person's decay uses
    /// (source <c>population</c>). Recorded as an <see cref="TrialEventKinds.Exploited"/> event.
    /// </summary>
    Task<CommandResult> ExploitAsync(TrialExploit exploit);

    /// <summary>Ends a trial as Failed with <paramref name="reason"/> (the study gave up on it); abandons any training.</summary>
    Task<CommandResult> FailAsync(string reason);

    /// <summary>The trial's status now; null when no trial has that id.</summary>
    Task<TrialSnapshot?> GetStatusAsync();

    /// <summary>
    /// The trial's status and whether a thread of this activation trains it (its study's watchdog asks): an unfinished
    /// trial no thread trains was cut off when its activation was lost. Null when no trial has that id.
    /// </summary>
    Task<TrialProbe?> ProbeAsync();

    /// <summary>The epochs of the checkpoints it keeps, oldest first (a few: retention keeps the latest and the best).</summary>
    Task<System.Collections.Immutable.ImmutableArray<int>> GetCheckpointEpochsAsync();

    /// <summary>Every epoch, learning-rate change and checkpoint so far; null when no trial has that id.</summary>
    Task<TrialHistory?> GetHistoryAsync();
}
