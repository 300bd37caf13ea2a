using System.CommandLine;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary><c>hypertune cluster</c>: the silos, their training slots and the trials on them.</summary>
internal static class ClusterCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("cluster", "Show the silos, their slots (used/free) and the trials on each.");
        runner.Bind(command, async (context, _, cancellationToken) =>
        {
            ClusterRenderer.Write(context.Screen, await context.Api.GetClusterAsync(cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }
}
