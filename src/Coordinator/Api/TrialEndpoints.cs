using System.Text.Json;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Diagnostics;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/trials</c>: read a trial with its history and command it while it trains.</summary>
internal static class TrialEndpoints
{
    private const string FactorExample = "{\"factor\": 0.5}";
    private const string ValueExample = "{\"value\": 0.0001}";
    private const string ForkExample = "{\"learning_rate\": 0.0001, \"epoch\": 7}";
    private const string EpochField = "epoch";

    /// <summary>More fields than the engine has hyperparameters is never a fork.</summary>
    private const int MaxForkFields = 64;

    /// <summary>Maps the trial routes under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapTrialEndpoints(this RouteGroupBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("Trials");
        trials.MapGet("/{id}", GetAsync).WithName("GetTrial").WithSummary("A trial and its full history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        trials.MapPost("/{id}/decay-lr", (string id, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                LearningRateCommandAsync(id, "decay-lr", "factor", FactorExample, request, grains, loggers, (trial, factor) => trial.DecayLearningRateAsync(factor), cancellationToken))
            .WithName("DecayLearningRate").WithSummary("Multiplies a training trial's learning rate from its next step on.")
            .DocumentJsonBody<DecayLearningRateRequest>("The factor to multiply the learning rate by.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trials.MapPost("/{id}/set-lr", (string id, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                LearningRateCommandAsync(id, "set-lr", "value", ValueExample, request, grains, loggers, (trial, value) => trial.SetLearningRateAsync(value), cancellationToken))
            .WithName("SetLearningRate").WithSummary("Sets a training trial's learning rate from its next step on.")
            .DocumentJsonBody<SetLearningRateRequest>("The new learning rate.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trials.MapPost("/{id}/fork", ForkAsync)
            .WithName("ForkTrial").WithSummary(
                "Starts a new trial of the same study from this trial's checkpoint (the latest, or 'epoch') with the given hyperparameters changed; the trial trains on. The fork counts against the study's budget of trials.")
            .DocumentJsonBody<ForkTrialRequest>("The checkpoint epoch (optional) and the hyperparameters that change; none may shape the model.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trials.MapPost("/{id}/pause", (string id, IGrainFactory grains, ILoggerFactory loggers) => CommandAsync(id, "pause", grains, loggers, trial => trial.PauseAsync()))
            .WithName("PauseTrial").WithSummary("Pauses a trial between two steps; it keeps its slot.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trials.MapPost("/{id}/resume", (string id, IGrainFactory grains, ILoggerFactory loggers) => CommandAsync(id, "resume", grains, loggers, trial => trial.ResumeAsync()))
            .WithName("ResumeTrial").WithSummary("Resumes a paused trial.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        trials.MapPost("/{id}/stop", (string id, IGrainFactory grains, ILoggerFactory loggers) => CommandAsync(id, "stop", grains, loggers, trial => trial.StopAsync()))
            .WithName("StopTrial").WithSummary("Stops a trial; it ends as Stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<TrialDetails>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (await grains.FindTrialAsync(id) is not { } trial)
        {
            return ApiProblems.TrialNotFound(id);
        }

        var history = await grains.GetGrain<ITrialGrain>(id).GetHistoryAsync() ?? new TrialHistory(id, [], [], []);
        var forks = await grains.GetGrain<IStudyGrain>(trial.StudyId).GetForksAsync(id);
        return TypedResults.Ok(new TrialDetails(trial, history) { Forks = forks });
    }

    private static async Task<Results<Accepted<ForkTrialResponse>, ProblemHttpResult>> ForkAsync(
        string id, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await JsonRequestBody.ReadTextAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (JsonRequestBody.TryParseObject(request, text, "$", ForkExample, out var document) is { } problem)
        {
            return problem;
        }

        TrialForkRequest fork;
        using (document)
        {
            if (ReadFork(id, document!.RootElement, out fork) is { } invalid)
            {
                return invalid;
            }
        }

        // The trial's id names its study, but only the trial knows it for sure (and a malformed id finds nothing).
        if (await grains.FindTrialAsync(id) is not { } source)
        {
            return ApiProblems.TrialNotFound(id);
        }

        var result = await grains.GetGrain<IStudyGrain>(source.StudyId).ForkTrialAsync(fork);
        if (!result.Result.Accepted)
        {
            Log.CommandRefused(loggers.CreateLogger(typeof(TrialEndpoints)), "Trial", id, "fork", result.Result.Kind.ToString(), result.Result.Error ?? "no reason given");
            return ApiProblems.Refused(result.Result, result.Field ?? "$");
        }

        return TypedResults.Accepted($"/api/trials/{result.TrialId}", new ForkTrialResponse(result.TrialId!, source.StudyId, id, result.SourceEpoch));
    }

    /// <summary>Reads a fork's body: <c>epoch</c> (a whole number from 1) and hyperparameters as numbers, strings or booleans.</summary>
    private static ProblemHttpResult? ReadFork(string id, JsonElement body, out TrialForkRequest fork)
    {
        fork = null!;
        int? epoch = null;
        var overrides = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            var field = "$." + (name.Length <= 64 ? name : name[..64]);
            if (overrides.Count >= MaxForkFields)
            {
                return ApiProblems.BadField("Too many fields", "$", $"A fork changes at most {MaxForkFields} hyperparameters.");
            }

            if (name == EpochField)
            {
                if (epoch is not null)
                {
                    return ApiProblems.BadField("Invalid field", field, "The field 'epoch' appears twice.");
                }

                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1)
                {
                    return ApiProblems.BadField("Invalid field", field, $"The field 'epoch' must be a whole number from 1 (an epoch with a checkpoint), not {Shorten(value.GetRawText())}.");
                }

                epoch = number;
                continue;
            }

            if (!HyperparameterCatalog.TryGet(name, out var definition))
            {
                return ApiProblems.BadField("Unknown field", field, $"'{Shorten(name)}' is not a hyperparameter of the training engine; send {ForkExample}.");
            }

            ParameterValue? parsed = value.ValueKind switch
            {
                JsonValueKind.Number when definition.Kind == HyperparameterKind.Float && value.TryGetDouble(out var d) => (ParameterValue?)ParameterValue.Of(d),
                JsonValueKind.Number when value.TryGetInt64(out var l) => ParameterValue.Of(l),
                JsonValueKind.Number when value.TryGetDouble(out var d) => ParameterValue.Of(d),
                JsonValueKind.String => ParameterValue.Of(value.GetString()!),
                JsonValueKind.True => ParameterValue.Of(true),
                JsonValueKind.False => ParameterValue.Of(false),
                _ => default(ParameterValue?),
            };
            if (parsed is not { } parameter || !overrides.TryAdd(name, parameter))
            {
                return ApiProblems.BadField("Invalid field", field, parsed is null
                    ? $"The field '{name}' must be a number, a string or true/false, not {Shorten(value.GetRawText())}."
                    : $"The field '{name}' appears twice.");
            }
        }

        fork = new TrialForkRequest(id, new TrialConfig(overrides), epoch);
        return null;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static async Task<Results<Ok<TrialSnapshot>, ProblemHttpResult>> LearningRateCommandAsync(
        string id, string command, string field, string example, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers,
        Func<ITrialGrain, double, Task<CommandResult>> send, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await JsonRequestBody.ReadTextAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (JsonRequestBody.TryParseObject(request, text, "$." + field, example, out var document) is { } problem)
        {
            return problem;
        }

        double value;
        using (document)
        {
            if (JsonRequestBody.TryReadPositiveNumber(document!.RootElement, field, example, out value) is { } invalid)
            {
                return invalid;
            }
        }

        // The range the engine takes (float32, a sane learning rate): refused here before any grain is called.
        if ((command == "set-lr" ? LearningRateCommandLimits.CheckSet(value) : LearningRateCommandLimits.CheckDecay(value)) is { } outOfRange)
        {
            return ApiProblems.BadField("Invalid field", "$." + field, $"The field '{field}' is out of range. {outOfRange}");
        }

        return await CommandAsync(id, command, grains, loggers, trial => send(trial, value), "$." + field);
    }

    private static async Task<Results<Ok<TrialSnapshot>, ProblemHttpResult>> CommandAsync(
        string id, string command, IGrainFactory grains, ILoggerFactory loggers, Func<ITrialGrain, Task<CommandResult>> send, string field = "$")
    {
        if (!ResourceIds.IsTrialId(id))
        {
            return ApiProblems.TrialNotFound(id);
        }

        var trial = grains.GetGrain<ITrialGrain>(id);
        var result = await send(trial);
        if (!result.Accepted)
        {
            Log.CommandRefused(loggers.CreateLogger(typeof(TrialEndpoints)), "Trial", id, command, result.Kind.ToString(), result.Error ?? "no reason given");
            return ApiProblems.Refused(result, field);
        }

        return await trial.GetStatusAsync() is { } status ? TypedResults.Ok(status) : ApiProblems.TrialNotFound(id);
    }
}
