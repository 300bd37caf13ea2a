using System.CommandLine;

namespace HyperTune.Cli.Commands;

/// <summary>The command tree: <c>hypertune [--url URL] [--token TOKEN] study|trial|lr-find|cluster …</c>.</summary>
internal static class HyperTuneRootCommand
{
    /// <summary>The tool's command name.</summary>
    public const string Name = "hypertune";

    public static RootCommand Create(CliEnvironment environment)
    {
        var url = UrlOption.Create(environment);
        var token = TokenOption.Create(environment);
        var runner = new CommandRunner(environment, url, token);
        return new RootCommand("HyperTune: start, watch and steer hyperparameter studies on a HyperTune cluster.")
        {
            url,
            token,
            StudyCommands.Create(runner),
            TrialCommands.Create(runner),
            RangeTestCommand.Create(runner),
            ClusterCommand.Create(runner),
        };
    }
}
