using System.CommandLine;
using System.Text.Json;
using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Output;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Commands;

/// <summary>
/// <c>hypertune lr-find SPEC | --study ID | --id ID | --list</c>: runs (or follows) a learning-rate range test, shows its
/// progress on stderr and prints the suggested learning rate, the proposed bounds and the curve; or lists the tests.
/// </summary>
internal static class RangeTestCommand
{
    /// <summary>How many tests <c>--list</c> shows.</summary>
    public const int ListLimit = 100;

    public static Command Create(CommandRunner runner)
    {
        var spec = new Argument<string?>("SPEC")
        {
            Description = "A study spec (JSON): its search space's centre config is tested; its lr_range_test section, if any, sets the ramp.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var study = new Option<string?>("--study") { Description = "Show the range test this study ran first instead of starting one.", HelpName = "ID" };
        var id = new Option<string?>("--id")
        {
            Description = "The new test's id [default: lrt- and 8 hex digits]; without SPEC, follow the test that has this id.",
            HelpName = "ID",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait for the end: print a new test's id, or an existing test's state now." };
        var json = new Option<bool>("--json") { Description = "Print the test's final status as JSON (as the API answers it) instead of the summary." };
        var list = new Option<bool>("--list") { Description = "List the range tests, newest first: state, dataset, study, suggestion and bounds." };
        var command = new Command("lr-find", "Run a learning-rate range test (Smith 2017, fastai's lr_find): suggest a learning rate and bounds to search.")
        {
            spec, study, id, noWait, json, list,
        };
        command.Validators.Add(result =>
        {
            var (hasSpec, hasStudy, hasId) = (result.GetValue(spec) is not null, result.GetValue(study) is not null, result.GetValue(id) is not null);
            if (result.GetValue(list))
            {
                if (hasSpec || hasStudy || hasId || result.GetValue(noWait))
                {
                    result.AddError("--list lists the tests: give it alone (or with --json)");
                }
            }
            else if (hasStudy && (hasSpec || hasId))
            {
                result.AddError("--study shows a study's test: give it without SPEC and --id");
            }
            else if (!hasSpec && !hasStudy && !hasId)
            {
                result.AddError("Give a spec file to test, --study ID or --id ID");
            }
        });
        runner.Bind(command, async (context, parseResult, cancellationToken) =>
        {
            var api = context.Api;
            if (parseResult.GetValue(list))
            {
                var tests = await api.ListRangeTestsAsync(ListLimit, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    context.Screen.WriteLine(JsonSerializer.Serialize(tests, ApiJsonContext.Default.RangeTestSummaryArray));
                }
                else
                {
                    RangeTestRenderer.WriteList(context.Screen, tests);
                }

                return ExitCodes.Success;
            }

            var (studyId, testId) = (parseResult.GetValue(study), parseResult.GetValue(id));
            RangeTest test;
            Func<CancellationToken, Task<RangeTest>> read;
            if (parseResult.GetValue(spec) is { } path)
            {
                var text = await SpecFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                test = await api.StartRangeTestAsync(text, testId, cancellationToken).ConfigureAwait(false);
                var started = test.Id;
                read = ct => api.GetRangeTestAsync(started, ct);
                if (parseResult.GetValue(noWait) && !parseResult.GetValue(json))
                {
                    context.Screen.WriteLine(test.Id);
                    return ExitCodes.Success;
                }
            }
            else
            {
                read = studyId is not null ? ct => api.GetStudyRangeTestAsync(studyId, ct) : ct => api.GetRangeTestAsync(testId!, ct);
                test = await read(cancellationToken).ConfigureAwait(false);
            }

            if (!parseResult.GetValue(noWait))
            {
                var progress = context.Screen.Error;
                test = await new RangeTestWatcher(read, context.PollInterval, t => progress.WriteLine(RangeTestRenderer.ProgressLine(t)))
                    .WatchAsync(test, cancellationToken).ConfigureAwait(false);
            }

            var failed = string.Equals(test.State, RangeTestStates.Failed, StringComparison.OrdinalIgnoreCase);
            if (parseResult.GetValue(json))
            {
                context.Screen.WriteLine(JsonSerializer.Serialize(test, ApiJsonContext.Default.RangeTest));
            }
            else if (!failed)
            {
                RangeTestRenderer.WriteDetails(context.Screen, test);
            }

            return failed
                ? throw new CliException($"range test {test.Id} failed: {test.Error ?? "no reason given"}")
                : ExitCodes.Success;
        });
        return command;
    }
}
