namespace HyperTune.Cli.Api;

/// <summary>The Coordinator could not be reached (refused, unknown host, timed out).</summary>
internal sealed class ApiUnreachableException(Uri baseAddress, string reason, Exception? innerException = null)
    : CliException($"cannot reach HyperTune at {baseAddress.ToString().TrimEnd('/')} ({reason})", ExitCodes.Failure, innerException)
{
    public Uri BaseAddress { get; } = baseAddress;
}
