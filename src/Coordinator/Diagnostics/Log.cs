namespace HyperTune.Coordinator.Diagnostics;

/// <summary>The Coordinator's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Study {StudyId} created: {Name}")]
    public static partial void StudyCreated(ILogger logger, string studyId, string name);

    [LoggerMessage(2, LogLevel.Information, "Study {StudyId} refused: {Problems} spec problem(s)")]
    public static partial void StudyRefused(ILogger logger, string studyId, int problems);

    [LoggerMessage(3, LogLevel.Information, "{Target} {Id}: {Command} refused ({Kind}): {Error}")]
    public static partial void CommandRefused(ILogger logger, string target, string id, string command, string kind, string error);

    [LoggerMessage(4, LogLevel.Warning, "The cluster could not answer {Method} {Path}")]
    public static partial void ClusterUnavailable(ILogger logger, string method, string path, Exception error);

    [LoggerMessage(5, LogLevel.Error, "Unexpected error answering {Method} {Path}")]
    public static partial void UnexpectedError(ILogger logger, string method, string path, Exception error);

    [LoggerMessage(6, LogLevel.Information, "Study {StudyId}: event stream opened")]
    public static partial void EventStreamOpened(ILogger logger, string studyId);

    [LoggerMessage(7, LogLevel.Information, "Study {StudyId}: event stream closed after {Events} events")]
    public static partial void EventStreamClosed(ILogger logger, string studyId, int events);

    [LoggerMessage(8, LogLevel.Warning, "Study {StudyId}: could not renew the event subscription: {Error}")]
    public static partial void ResubscribeFailed(ILogger logger, string studyId, string error);

    [LoggerMessage(9, LogLevel.Debug, "Study {StudyId}: could not unsubscribe the event stream: {Error}")]
    public static partial void UnsubscribeFailed(ILogger logger, string studyId, string error);

    [LoggerMessage(10, LogLevel.Warning, "No gateway of the cluster answers after {Waited}; retrying: {Error}")]
    public static partial void ClusterConnectRetry(ILogger logger, TimeSpan waited, string error);

    [LoggerMessage(11, LogLevel.Error, "No gateway of the cluster answered within {Waited}; giving up: {Error}")]
    public static partial void ClusterConnectGaveUp(ILogger logger, TimeSpan waited, string error);

    [LoggerMessage(12, LogLevel.Warning, "Dashboard: reading {Id} failed: {Error}")]
    public static partial void DashboardFeedFailed(ILogger logger, string id, string error);

    [LoggerMessage(13, LogLevel.Information, "Dashboard: {Command} on trial {TrialId}: accepted {Accepted} {Error}")]
    public static partial void DashboardCommand(ILogger logger, string trialId, string command, bool accepted, string error);

    [LoggerMessage(14, LogLevel.Information, "Dashboard: study {StudyId} created from the {Mode}")]
    public static partial void DashboardStudyCreated(ILogger logger, string studyId, string mode);

    [LoggerMessage(15, LogLevel.Information, "Range test {RangeTestId} started: {Dataset}, {Steps} steps")]
    public static partial void RangeTestStarted(ILogger logger, string rangeTestId, string dataset, int steps);

    [LoggerMessage(16, LogLevel.Information, "Range test {RangeTestId} refused: {Problems} spec problem(s)")]
    public static partial void RangeTestRefused(ILogger logger, string rangeTestId, int problems);

    [LoggerMessage(17, LogLevel.Information, "Bad request {Method} {Path}: {Status} {Error}")]
    public static partial void BadRequest(ILogger logger, string method, string path, int status, string error);

    [LoggerMessage(41, LogLevel.Information, "Dashboard: CSV uploaded as {DatasetPath} ({Bytes} bytes)")]
    public static partial void DashboardCsvUploaded(ILogger logger, string datasetPath, long bytes);

    [LoggerMessage(42, LogLevel.Warning, "Dashboard: the cluster page could not read the cluster")]
    public static partial void ClusterUnreadable(ILogger logger, Exception error);

    [LoggerMessage(43, LogLevel.Information, "Dashboard: silo {SiloName} ({Silo}) {Action}")]
    public static partial void DashboardDrain(ILogger logger, string siloName, string silo, string action);
}
