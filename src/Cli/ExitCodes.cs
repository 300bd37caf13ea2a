namespace HyperTune.Cli;

/// <summary>The exit codes of the CLI.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A request was refused, the server could not be reached, or a file could not be read or written.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown command, missing or malformed option or argument).</summary>
    public const int Usage = 2;

    /// <summary>The user interrupted the command (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
