using System.CommandLine;
using System.Globalization;
using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary><c>hypertune trial show|decay-lr|set-lr|pause|resume|stop</c>.</summary>
internal static class TrialCommands
{
    public static Command Create(CommandRunner runner) => new("trial", "Inspect a trial and steer its learning rate.")
    {
        ShowCommand(runner),
        DecayCommand(runner),
        SetCommand(runner),
        StateCommand(runner, "pause", "Pause a trial between two steps.", (api, id, ct) => api.PauseTrialAsync(id, ct)),
        StateCommand(runner, "resume", "Resume a paused trial.", (api, id, ct) => api.ResumeTrialAsync(id, ct)),
        StateCommand(runner, "stop", "Stop a trial.", (api, id, ct) => api.StopTrialAsync(id, ct)),
    };

    private static Argument<string> TrialId() => new("ID") { Description = "The trial's id, {studyId}-{number:D4}." };

    private static Command ShowCommand(CommandRunner runner)
    {
        var id = TrialId();
        var command = new Command("show", "Show a trial: state, config, metrics, learning rate and its changes, epochs.") { id };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var details = await context.Api.GetTrialAsync(parseResult.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            TrialRenderer.WriteDetails(context.Screen, details);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DecayCommand(CommandRunner runner)
    {
        var id = TrialId();
        var factor = NumberOption.Create("--factor", "Multiply the learning rate by this positive number from the next step on.");
        var command = new Command("decay-lr", "Decay a running trial's learning rate.") { id, factor };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var value = parseResult.GetValue(factor);
            var trial = await context.Api.DecayLearningRateAsync(parseResult.GetRequiredValue(id), value, cancellationToken).ConfigureAwait(false);
            TrialRenderer.WriteCommandResult(context.Screen, trial, $"decay x{value.ToString(CultureInfo.InvariantCulture)} requested");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetCommand(CommandRunner runner)
    {
        var id = TrialId();
        var value = NumberOption.Create("--value", "The learning rate to train with from the next step on.");
        var command = new Command("set-lr", "Set a running trial's learning rate.") { id, value };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var rate = parseResult.GetValue(value);
            var trial = await context.Api.SetLearningRateAsync(parseResult.GetRequiredValue(id), rate, cancellationToken).ConfigureAwait(false);
            TrialRenderer.WriteCommandResult(context.Screen, trial, $"set to {Formats.Number(rate)} requested");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command StateCommand(
        CommandRunner runner, string name, string description, Func<HyperTuneApiClient, string, CancellationToken, Task<Trial>> send)
    {
        var id = TrialId();
        var command = new Command(name, description) { id };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var trial = await send(context.Api, parseResult.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            TrialRenderer.WriteCommandResult(context.Screen, trial);
            return ExitCodes.Success;
        });
        return command;
    }
}
