using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Diagnostics;
using HyperTune.Search.Hyperparameters;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/trials</c>: read a trial with its history and command it while it trains.</summary>
internal static class TrialEndpoints
{
    private const string FactorExample = "{\"factor\": 0.5}";
    private const string ValueExample = "{\"value\": 0.0001}";

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
        return TypedResults.Ok(new TrialDetails(trial, history));
    }

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
            Log.CommandRefused(loggers.CreateLogger(typeof(TrialEndpoints)), "Trial", id, command, result.Kind.ToString(), result.Error);
            return ApiProblems.Refused(result, field);
        }

        return await trial.GetStatusAsync() is { } status ? TypedResults.Ok(status) : ApiProblems.TrialNotFound(id);
    }
}
