namespace HyperTune.Cli.Watching;

/// <summary>One dispatched server-sent event.</summary>
/// <param name="Type">The <c>event:</c> field, <c>message</c> when the event had none.</param>
/// <param name="Data">The <c>data:</c> lines joined by '\n'.</param>
/// <param name="LastEventId">The last <c>id:</c> seen on the stream so far, if any.</param>
internal sealed record ServerSentEvent(string Type, string Data, string? LastEventId = null);
