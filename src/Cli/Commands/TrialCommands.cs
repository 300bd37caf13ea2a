using System.CommandLine;
using System.Globalization;
using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary><c>hypertune trial show|decay-lr|set-lr|fork|pause|resume|stop</c>.</summary>
internal static class TrialCommands
{
    public static Command Create(CommandRunner runner) => new("trial", "Inspect a trial and steer its learning rate.")
    {
        ShowCommand(runner),
        DecayCommand(runner),
        SetCommand(runner),
        ForkCommand(runner),
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

    private static Command ForkCommand(CommandRunner runner)
    {
        var id = TrialId();
        var rate = NumberOption.Create("--lr", "The learning rate the fork starts with (default: the trial's at that epoch).");
        rate.Required = false;
        var epoch = new Option<int?>("--epoch")
        {
            Description = "The epoch of the trial's checkpoint to start from (default: its latest).",
            HelpName = "N",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Another hyperparameter to change, NAME=VALUE (repeatable): weight_decay=0.01, momentum=0.9, dropout=0.1 — none that shapes the model.",
            HelpName = "NAME=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("fork", "Start a new trial of the same study from a trial's checkpoint, with a new learning rate or other changes; the trial trains on.")
        {
            id, rate, epoch, set,
        };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var changes = new SortedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in parseResult.GetValue(set) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0 || at == pair.Length - 1)
                {
                    throw new CliException($"--set takes NAME=VALUE, not '{pair}'.");
                }

                changes[pair[..at].Trim()] = ParseValue(pair[(at + 1)..].Trim());
            }

            if (parseResult.GetResult(rate) is not null)
            {
                changes["learning_rate"] = parseResult.GetValue(rate);
            }

            var fork = await context.Api.ForkTrialAsync(parseResult.GetRequiredValue(id), changes, parseResult.GetValue(epoch), cancellationToken).ConfigureAwait(false);
            context.Screen.WriteLine(fork.TrialId);
            context.Screen.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"forked {fork.SourceTrialId} at epoch {fork.SourceEpoch} as {fork.TrialId}; its first epoch is {fork.SourceEpoch + 1}"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A --set value as the API takes it: a whole number, a number, true/false, or else text.</summary>
    private static object ParseValue(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : bool.TryParse(text, out var flag) ? flag
        : text;

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
