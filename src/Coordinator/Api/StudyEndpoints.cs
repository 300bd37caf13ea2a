using System.Globalization;
using System.Text.Json;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Diagnostics;
using HyperTune.Search.Specs;
using Microsoft.AspNetCore.Mvc;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/studies</c>: create, list, read and command studies.</summary>
internal static class StudyEndpoints
{
    private const string SpecExample = "a study spec as a JSON object (see the README)";

    /// <summary>Maps the study routes under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapStudyEndpoints(this RouteGroupBuilder api)
    {
        var studies = api.MapGroup("/studies").WithTags("Studies");
        studies.MapPost("", CreateAsync).WithName("CreateStudy").WithSummary("Starts a study from its spec.")
            .DocumentJsonBody<JsonElement>("A study spec (see the README).").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        studies.MapGet("", ListAsync).WithName("ListStudies").WithSummary("Every study, oldest first.");
        studies.MapGet("/{id}", GetAsync).WithName("GetStudy").WithSummary("A study.").ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapGet("/{id}/trials", GetTrialsAsync).WithName("GetStudyTrials").WithSummary("A page of a study's trials: offset, limit (≤ 1,000), status (comma-separated), sort (number, objective, epoch), order; the total in X-Total-Count.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapGet("/{id}/best", GetBestAsync).WithName("GetBestTrial").WithSummary("The best trial so far.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapGet("/{id}/history", GetHistoryAsync).WithName("GetStudyHistory").WithSummary("Every trial's full history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapPost("/{id}/pause", (string id, IGrainFactory grains, ILoggerFactory loggers) =>
                CommandAsync(id, "pause", grains, study => study.PauseAsync(), loggers))
            .WithName("PauseStudy").WithSummary("Pauses a study's trials; starts no new ones.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        studies.MapPost("/{id}/resume", (string id, IGrainFactory grains, ILoggerFactory loggers) =>
                CommandAsync(id, "resume", grains, study => study.ResumeAsync(), loggers))
            .WithName("ResumeStudy").WithSummary("Resumes a paused study.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        studies.MapPost("/{id}/stop", (string id, IGrainFactory grains, ILoggerFactory loggers) =>
                CommandAsync(id, "stop", grains, study => study.StopAsync(), loggers))
            .WithName("StopStudy").WithSummary("Stops a study and its running trials.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<StudySnapshot>, ProblemHttpResult>> CreateAsync(
        [FromQuery] string? id, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (id is not null && !ResourceIds.IsStudyId(id))
        {
            return ApiProblems.BadField("Invalid study id", "id", $"'{id}' is not a valid study id. {ResourceIds.StudyIdRule}");
        }

        var (spec, tooLarge) = await JsonRequestBody.ReadTextAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (JsonRequestBody.TryParseObject(request, spec, "$", SpecExample, out var document) is { } problem)
        {
            return problem;
        }

        using (document)
        {
            id ??= ResourceIds.NewStudyId(document!.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null);
        }

        var logger = loggers.CreateLogger(typeof(StudyEndpoints));

        // The spec's own problems are found here (linear, no grain call); then a silo checks its data, read where
        // trials read it, and the cluster's limits — so a spec that cannot run is refused with every problem, not
        // failed trial by trial.
        var parsed = StudySpecParser.Parse(spec);
        var problems = parsed.IsValid
            ? await grains.GetGrain<IDatasetProbeGrain>(0).CheckStudySpecAsync(spec)
            : [.. parsed.Errors.Select(e => new SpecProblem(e.Path, e.Message))];
        if (!problems.IsDefaultOrEmpty)
        {
            Log.StudyRefused(logger, id, problems.Length);
            return ApiProblems.InvalidSpec(problems);
        }

        var result = await grains.GetGrain<IStudyGrain>(id).StartAsync(spec);
        if (result.Study is { } study)
        {
            Log.StudyCreated(logger, id, study.Name);
            return TypedResults.Created($"/api/studies/{id}", study);
        }

        if (!result.Problems.IsDefaultOrEmpty)
        {
            Log.StudyRefused(logger, id, result.Problems.Length);
            return ApiProblems.InvalidSpec(result.Problems);
        }

        return ApiProblems.Conflict(result.Error ?? $"Study {id} was not started.");
    }

    private static async Task<Ok<StudySnapshot[]>> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IStudyRegistryGrain>(0).ListAsync();
        var studies = await Task.WhenAll(ids.Select(id => grains.GetGrain<IStudyGrain>(id).GetStatusAsync()));
        return TypedResults.Ok(studies.OfType<StudySnapshot>().ToArray());
    }

    private static async Task<Results<Ok<StudySnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await grains.FindStudyAsync(id) is { } study ? TypedResults.Ok(study) : ApiProblems.StudyNotFound(id);

    /// <summary>
    /// A page of a study's trials (every trial of a small study): the total matching trials in <c>X-Total-Count</c>
    /// and, when more follow, the next page in <c>Link</c>.
    /// </summary>
    private static async Task<Results<Ok<TrialSnapshot[]>, ProblemHttpResult>> GetTrialsAsync(
        string id, [FromQuery] string? status, [FromQuery] string? offset, [FromQuery] string? limit, [FromQuery] string? sort, [FromQuery] string? order,
        HttpContext http, IGrainFactory grains)
    {
        if (TrialPageRequest.TryRead(offset, limit, status, sort, order, out var query) is { } problem)
        {
            return problem;
        }

        if (await grains.FindStudyAsync(id) is null)
        {
            return ApiProblems.StudyNotFound(id);
        }

        var page = await grains.GetGrain<IStudyGrain>(id).GetTrialPageAsync(query);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        var next = query.Offset + page.Trials.Length;
        if (next < page.Total)
        {
            var link = QueryString.Create(new KeyValuePair<string, string?>[]
            {
                new("offset", next.ToString(CultureInfo.InvariantCulture)), new("limit", query.Limit.ToString(CultureInfo.InvariantCulture)),
            }.Concat(new KeyValuePair<string, string?>[] { new("status", status), new("sort", sort), new("order", order) }.Where(p => !string.IsNullOrEmpty(p.Value))));
            http.Response.Headers.Link = $"</api/studies/{Uri.EscapeDataString(id)}/trials{link}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Trials.ToArray());
    }

    private static async Task<Results<Ok<BestTrial>, ProblemHttpResult>> GetBestAsync(string id, IGrainFactory grains)
    {
        if (await grains.FindStudyAsync(id) is not { } study)
        {
            return ApiProblems.StudyNotFound(id);
        }

        return await grains.GetGrain<IStudyGrain>(id).GetBestTrialAsync() is { } best
            ? TypedResults.Ok(best)
            : ApiProblems.NotFound("No best trial yet", $"No trial of study '{id}' has reported {study.ObjectiveMetric} yet.");
    }

    private static async Task<Results<Ok<StudyHistory>, ProblemHttpResult>> GetHistoryAsync(string id, IGrainFactory grains) =>
        await grains.FindStudyAsync(id) is null
            ? ApiProblems.StudyNotFound(id)
            : TypedResults.Ok(await grains.GetGrain<IStudyGrain>(id).GetHistoryAsync());

    private static async Task<Results<Ok<StudySnapshot>, ProblemHttpResult>> CommandAsync(
        string id, string command, IGrainFactory grains, Func<IStudyGrain, Task<CommandResult>> send, ILoggerFactory loggers)
    {
        if (!ResourceIds.IsStudyId(id))
        {
            return ApiProblems.StudyNotFound(id);
        }

        var study = grains.GetGrain<IStudyGrain>(id);
        var result = await send(study);
        if (!result.Accepted)
        {
            Log.CommandRefused(loggers.CreateLogger(typeof(StudyEndpoints)), "Study", id, command, result.Kind.ToString(), result.Error ?? "no reason given");
            return ApiProblems.Refused(result);
        }

        return await study.GetStatusAsync() is { } status ? TypedResults.Ok(status) : ApiProblems.StudyNotFound(id);
    }
}
