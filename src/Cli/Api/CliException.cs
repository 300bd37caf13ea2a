namespace HyperTune.Cli.Api;

/// <summary>
/// A failure the CLI reports as one <c>error:</c> line on stderr and a non-zero exit code, never as a stack trace.
/// </summary>
internal class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code to end with.</summary>
    public int ExitCode { get; }
}
