using System.CommandLine;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary><c>hypertune cluster</c>: the silos, their slots, load and drains; <c>cluster drain|undrain SILO</c>.</summary>
internal static class ClusterCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("cluster", "Show the silos by host: address, slots (used/free), standby trials, CPU, memory, last heard, draining; and the silos that left or died.")
        {
            DrainCommand(runner, drain: true),
            DrainCommand(runner, drain: false),
        };
        runner.Bind(command, async (context, _, cancellationToken) =>
        {
            ClusterRenderer.Write(context.Screen, await context.Api.GetClusterAsync(cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DrainCommand(CommandRunner runner, bool drain)
    {
        var silo = new Argument<string>("SILO") { Description = "The silo's name, address:port or full address (as `hypertune cluster` shows them)." };
        var command = drain
            ? new Command("drain", "Drain a silo: it takes no new trials, and its trials move to other silos from their next checkpoint (for an upgrade or a shutdown).") { silo }
            : new Command("undrain", "End a silo's drain: it takes new trials again.") { silo };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var slots = await context.Api.SetDrainingAsync(parseResult.GetRequiredValue(silo), drain, cancellationToken).ConfigureAwait(false);
            ClusterRenderer.WriteDrain(context.Screen, slots);
            return ExitCodes.Success;
        });
        return command;
    }
}
