using System.CommandLine;
using HyperTune.Cli.Api;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary><c>hypertune study create|list|show|watch|pause|resume|stop|export</c>.</summary>
internal static class StudyCommands
{
    public static Command Create(CommandRunner runner) => new("study", "Create, list, watch and steer studies.")
    {
        CreateCommand(runner),
        ListCommand(runner),
        ShowCommand(runner),
        WatchCommand(runner),
        StateCommand(runner, "pause", "Pause a study: its trials pause and no new ones start.", (api, id, ct) => api.PauseStudyAsync(id, ct)),
        StateCommand(runner, "resume", "Resume a paused study.", (api, id, ct) => api.ResumeStudyAsync(id, ct)),
        StateCommand(runner, "stop", "Stop a study: no new trials start and running ones stop.", (api, id, ct) => api.StopStudyAsync(id, ct)),
        ExportCommand(runner),
    };

    private static Argument<string> StudyId() => new("ID") { Description = "The study's id." };

    private static Command CreateCommand(CommandRunner runner)
    {
        var file = new Option<string>("--file", "-f") { Description = "The study spec (JSON, see the README).", HelpName = "SPEC", Required = true };
        var id = new Option<string?>("--id") { Description = "The study's id [default: chosen by the server]." };
        var watch = new Option<bool>("--watch") { Description = "Watch the study until it ends, like 'study watch'." };
        var command = new Command("create", "Start a study from a spec file and print its id.") { file, id, watch };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var spec = await SpecFile.ReadAsync(parseResult.GetRequiredValue(file), cancellationToken).ConfigureAwait(false);
            var study = await context.Api.CreateStudyAsync(spec, parseResult.GetValue(id), cancellationToken).ConfigureAwait(false);
            context.Screen.WriteLine(study.StudyId);
            return parseResult.GetValue(watch)
                ? await context.WatchAsync(study.StudyId, cancellationToken).ConfigureAwait(false)
                : ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CommandRunner runner)
    {
        var command = new Command("list", "List the studies, oldest first.");
        runner.Bind(command, async (context, _, cancellationToken) =>
        {
            StudyRenderer.WriteList(context.Screen, await context.Api.ListStudiesAsync(cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ShowCommand(CommandRunner runner)
    {
        var id = StudyId();
        var command = new Command("show", "Show a study: its state, trials per state and best trial.") { id };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var study = await context.Api.GetStudyAsync(parseResult.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            StudyRenderer.WriteDetails(context.Screen, study);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command WatchCommand(CommandRunner runner)
    {
        var id = StudyId();
        var command = new Command("watch", "Follow a study's trials live until it ends.") { id };
        runner.Bind(command, (context, parseResult, cancellationToken) =>
            context.WatchAsync(parseResult.GetRequiredValue(id), cancellationToken));
        return command;
    }

    private static Command StateCommand(
        CommandRunner runner, string name, string description, Func<HyperTuneApiClient, string, CancellationToken, Task<Api.Models.Study>> send)
    {
        var id = StudyId();
        var command = new Command(name, description) { id };
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var study = await send(context.Api, parseResult.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            StudyRenderer.WriteCommandResult(context.Screen, study);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ExportCommand(CommandRunner runner)
    {
        var id = StudyId();
        var format = new Option<string?>("--format")
        {
            Description = "csv or json [default: from the output file's extension, else csv].",
        }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, ExportFormats.All);
        var output = new Option<string?>("--output", "-o") { Description = "The file to write [default: ID.FORMAT].", HelpName = "FILE" };
        var command = new Command("export", "Save a study's trials (one row or object per trial) to a file and print its path.")
        {
            id, format, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) is null && result.GetValue(output) is { } path && ExportFormats.FromPath(path) is null)
            {
                result.AddError($"Cannot tell the format from '{path}': add --format csv or --format json");
            }
        });
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var studyId = parseResult.GetRequiredValue(id);
            var fileFormat = ExportFormats.Resolve(parseResult.GetValue(format), parseResult.GetValue(output))!;
            var path = parseResult.GetValue(output) ?? $"{studyId}.{fileFormat}";
            var content = await context.Api.ExportStudyAsync(studyId, fileFormat, cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                var written = await ExportFile.WriteAsync(content, path, cancellationToken).ConfigureAwait(false);
                context.Screen.WriteLine(written);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
