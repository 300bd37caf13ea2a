using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Diagnostics;

/// <summary>The grains' log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Study {StudyId} started: {MaxTrials} trials, {MaxConcurrent} at once, searcher {Searcher}")]
    public static partial void StudyStarted(ILogger logger, string studyId, int maxTrials, int maxConcurrent, string searcher);

    [LoggerMessage(2, LogLevel.Information, "Study {StudyId} ended {State}: {Reason}")]
    public static partial void StudyEnded(ILogger logger, string studyId, string state, string reason);

    [LoggerMessage(3, LogLevel.Information, "Trial {TrialId} of study {StudyId} started on {Silo}")]
    public static partial void TrialStarted(ILogger logger, string trialId, string studyId, string silo);

    [LoggerMessage(4, LogLevel.Information, "Trial {TrialId} of study {StudyId} ended {State} after {Epochs} epochs: {Reason}")]
    public static partial void TrialEnded(ILogger logger, string trialId, string studyId, string state, int epochs, string reason);

    [LoggerMessage(5, LogLevel.Information, "Trial {TrialId}: {Command} {Value} from {Source}")]
    public static partial void LearningRateCommand(ILogger logger, string trialId, string command, double value, string source);

    [LoggerMessage(6, LogLevel.Warning, "Trial {TrialId}: checkpoint of epoch {Epoch} failed: {Error}")]
    public static partial void CheckpointFailed(ILogger logger, string trialId, int epoch, string error);

    [LoggerMessage(7, LogLevel.Warning, "Study {StudyId}: could not reach trial {TrialId}: {Error}")]
    public static partial void TrialUnreachable(ILogger logger, string studyId, string trialId, string error);

    [LoggerMessage(8, LogLevel.Debug, "Study {StudyId}: no free training slot; {Queued} trials wait")]
    public static partial void WaitingForSlot(ILogger logger, string studyId, int queued);

    [LoggerMessage(11, LogLevel.Warning, "Could not register the training slots of silo {Silo}; retrying in {Interval}")]
    public static partial void SlotRegistrationFailed(ILogger logger, string silo, TimeSpan interval, Exception error);

    [LoggerMessage(9, LogLevel.Information, "Silo {Silo} offers {Slots} training slots and {SyntheticSlots} synthetic slots")]
    public static partial void SiloRegistered(ILogger logger, string silo, int slots, int syntheticSlots);

    [LoggerMessage(12, LogLevel.Warning, "Trial {TrialId} of study {StudyId} recovers on {Silo} (attempt {Attempt}): {Reason}")]
    public static partial void TrialRecovering(ILogger logger, string trialId, string studyId, string silo, int attempt, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Trial {TrialId}: {Problem}")]
    public static partial void CheckpointSkipped(ILogger logger, string trialId, string problem);

    [LoggerMessage(14, LogLevel.Warning, "Study {StudyId}: trial {TrialId} is lost ({Reason}); attempt {Attempt} of {MaxAttempts}")]
    public static partial void TrialLost(ILogger logger, string studyId, string trialId, string reason, int attempt, int maxAttempts);

    [LoggerMessage(15, LogLevel.Error, "Study {StudyId}: trial {TrialId} failed for good: {Reason}")]
    public static partial void TrialGivenUp(ILogger logger, string studyId, string trialId, string reason);

    [LoggerMessage(16, LogLevel.Information, "Woke {Count} unfinished studies")]
    public static partial void StudiesWoken(ILogger logger, int count);

    [LoggerMessage(17, LogLevel.Warning, "Could not wake the unfinished studies yet; retrying in {Interval}")]
    public static partial void StudyWakeFailed(ILogger logger, TimeSpan interval, Exception error);

    [LoggerMessage(18, LogLevel.Information, "Trial {TrialId} took over the checkpoint of {SourceTrialId} at epoch {Epoch}: {Reason}")]
    public static partial void TrialExploited(ILogger logger, string trialId, string sourceTrialId, int epoch, string reason);

    [LoggerMessage(19, LogLevel.Information, "Study {StudyId}: the scheduler decided for trial {TrialId}: {Decision}")]
    public static partial void SchedulerDecided(ILogger logger, string studyId, string trialId, string decision);

    [LoggerMessage(20, LogLevel.Warning, "Trial {TrialId}: could not write its history to the history store: {Error}")]
    public static partial void HistoryWriteFailed(ILogger logger, string trialId, string error);

    [LoggerMessage(21, LogLevel.Warning, "Trial {TrialId}: could not report to study {StudyId}: {Error}")]
    public static partial void StudyUnreachable(ILogger logger, string trialId, string studyId, string error);

    [LoggerMessage(22, LogLevel.Information, "Study {StudyId}: trial {TrialId} forks {SourceTrialId} at epoch {Epoch}")]
    public static partial void TrialForked(ILogger logger, string studyId, string trialId, string sourceTrialId, int epoch);

    [LoggerMessage(23, LogLevel.Information, "Trial {TrialId} of study {StudyId} starts from the checkpoint of {SourceTrialId} at epoch {Epoch} on {Silo}")]
    public static partial void TrialForkStarted(ILogger logger, string trialId, string studyId, string sourceTrialId, int epoch, string silo);

    [LoggerMessage(40, LogLevel.Information, "Learning-rate range test {TestId} started on {Silo} ({Steps} steps from {Start} to {End})")]
    public static partial void RangeTestStarted(ILogger logger, string testId, string silo, int steps, double start, double end);

    [LoggerMessage(41, LogLevel.Information, "Learning-rate range test {TestId} suggests {Suggestion:G3} (search {Low:G3} to {High:G3}; {Points} steps, {StopReason})")]
    public static partial void RangeTestCompleted(ILogger logger, string testId, double suggestion, double low, double high, int points, string stopReason);

    [LoggerMessage(42, LogLevel.Warning, "Learning-rate range test {TestId} failed: {Error}")]
    public static partial void RangeTestFailed(ILogger logger, string testId, string error);

    [LoggerMessage(43, LogLevel.Information, "Study {StudyId}: the learning-rate range test sets the learning rate's search to {Low:G3} .. {High:G3}")]
    public static partial void RangeTestApplied(ILogger logger, string studyId, double low, double high);

    [LoggerMessage(44, LogLevel.Warning, "Study {StudyId}: the learning-rate range test failed (attempt {Attempt}): {Error}")]
    public static partial void StudyRangeTestFailed(ILogger logger, string studyId, int attempt, string error);

    [LoggerMessage(50, LogLevel.Warning, "Study {StudyId}: another activation wrote the study first; this one steps down: {Error}")]
    public static partial void StudyWriteConflict(ILogger logger, string studyId, string error);

    [LoggerMessage(51, LogLevel.Warning, "Study {StudyId}: writing its changes failed, tried again with the next write: {Error}")]
    public static partial void StudyWriteFailed(ILogger logger, string studyId, string error);

    [LoggerMessage(52, LogLevel.Warning, "Study {StudyId}: carrying out its decisions failed: {Error}")]
    public static partial void StudyEffectFailed(ILogger logger, string studyId, string error);

    [LoggerMessage(61, LogLevel.Warning, "Learning-rate range test {TestId}: could not record it in the range test list: {Error}")]
    public static partial void RangeTestRegistryUnreachable(ILogger logger, string testId, string error);

    [LoggerMessage(62, LogLevel.Information, "Study {StudyId}: its first trial had not started {Wait} after the study was created; it answered without it")]
    public static partial void StudyFirstLaunchSlow(ILogger logger, string studyId, TimeSpan wait);

    [LoggerMessage(70, LogLevel.Warning, "Silo {Silo} ({Address}) drains: it takes no new trials, and its {Trials} trials move elsewhere from their next checkpoint")]
    public static partial void SiloDraining(ILogger logger, string silo, string address, int trials);

    [LoggerMessage(71, LogLevel.Information, "Silo {Silo} ({Address}) no longer drains: it takes trials again")]
    public static partial void SiloUndrained(ILogger logger, string silo, string address);

    [LoggerMessage(72, LogLevel.Information, "Study {StudyId}: trial {TrialId} moves off its draining silo: {Reason}")]
    public static partial void TrialMovingOff(ILogger logger, string studyId, string trialId, string reason);

    [LoggerMessage(73, LogLevel.Information, "Trial {TrialId} of study {StudyId} left silo {Silo} at epoch {Epoch}: {Reason}")]
    public static partial void TrialMovedOff(ILogger logger, string trialId, string studyId, string silo, int epoch, string reason);
}
