using System.Text.Json;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Coordinator.Diagnostics;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using Microsoft.AspNetCore.Mvc;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// <c>/api/lr-range-tests</c>: list the learning-rate range tests, start one on its own and read it; and
/// <c>/api/studies/{id}/lr-range-test</c>, the test a study ran first.
/// </summary>
internal static class RangeTestEndpoints
{
    private const string SpecExample = "a study spec as a JSON object (see the README); its lr_range_test section, if any, sets the ramp";

    /// <summary>Maps the range test routes under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapRangeTestEndpoints(this RouteGroupBuilder api)
    {
        var tests = api.MapGroup("/lr-range-tests").WithTags("Range tests");
        tests.MapPost("", StartAsync).WithName("StartRangeTest")
            .WithSummary("Starts a learning-rate range test of a study spec's centre config; answers at once.")
            .DocumentJsonBody<JsonElement>("A study spec (see the README); lr_range_test sets the ramp, start_lr to end_lr over steps.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        tests.MapGet("", ListAsync).WithName("ListRangeTests")
            .WithSummary("The learning-rate range tests, newest first (at most limit, default 100; the newest 1,000 are kept).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tests.MapGet("/{id}", GetAsync).WithName("GetRangeTest").WithSummary("A range test: its progress, or its result once completed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/studies/{id}/lr-range-test", GetStudyTestAsync).WithTags("Range tests").WithName("GetStudyRangeTest")
            .WithSummary("The range test a study ran before its first trial.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Accepted<LearningRateRangeTestStatus>, ProblemHttpResult>> StartAsync(
        [FromQuery] string? id, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (id is not null && !ResourceIds.IsRangeTestId(id))
        {
            return ApiProblems.BadField("Invalid range test id", "id", $"'{id}' is not a valid range test id. {ResourceIds.RangeTestIdRule}");
        }

        var (text, tooLarge) = await JsonRequestBody.ReadTextAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (JsonRequestBody.TryParseObject(request, text, "$", SpecExample, out var document) is { } problem)
        {
            return problem;
        }

        document!.Dispose();
        id ??= ResourceIds.NewRangeTestId();
        var logger = loggers.CreateLogger(typeof(RangeTestEndpoints));
        var parsed = StudySpecParser.Parse(text);
        if (!parsed.IsValid)
        {
            Log.RangeTestRefused(logger, id, parsed.Errors.Count);
            return ApiProblems.InvalidSpec([.. parsed.Errors.Select(e => new SpecProblem(e.Path, e.Message))]);
        }

        // Its data and the cluster's limits, checked on a silo like a study's (the silo reads the spec again: it is the one
        // place that knows the data and the limits).
        var problems = await grains.GetGrain<IDatasetProbeGrain>(0).CheckStudySpecAsync(text);
        if (!problems.IsDefaultOrEmpty)
        {
            Log.RangeTestRefused(logger, id, problems.Length);
            return ApiProblems.InvalidSpec(problems);
        }

        if (parsed.Spec.Trainable.IsSynthetic)
        {
            return ApiProblems.BadField(
                "Invalid study spec", "$.trainable.kind", $"a learning-rate range test trains the {TrainableKinds.Mlp}; the {TrainableKinds.Synthetic} trainable has none");
        }

        // A study's test has the study's id and hears nothing from here: an id of a study is not free.
        if (await grains.FindStudyAsync(id) is not null)
        {
            return ApiProblems.Conflict($"The id '{id}' belongs to a study; its range test is at /api/studies/{id}/lr-range-test.");
        }

        var spec = parsed.Spec;
        var test = spec.LearningRateRangeTest ?? new LearningRateRangeTestSpec();
        var start = new LearningRateRangeTestRequest(test.ConfigFor(spec.SearchSpace), spec.Dataset, spec.Seed, test.Options);
        var grain = grains.GetGrain<ILearningRateRangeTestGrain>(id);
        var result = await grain.StartAsync(start);
        if (!result.Accepted)
        {
            Log.CommandRefused(logger, "Range test", id, "start", result.Kind.ToString(), result.Error ?? "no reason given");
            return ApiProblems.Refused(result);
        }

        Log.RangeTestStarted(logger, id, spec.Dataset.Kind, test.Options.Steps);
        return await grain.GetStatusAsync() is { } status
            ? TypedResults.Accepted($"/api/lr-range-tests/{id}", status)
            : ApiProblems.RangeTestNotFound(id);
    }

    private static async Task<Results<Ok<RangeTestSummary[]>, ProblemHttpResult>> ListAsync([FromQuery] int? limit, IGrainFactory grains)
    {
        if (limit is < 1 or > IRangeTestRegistryGrain.Capacity)
        {
            return ApiProblems.BadField("Invalid limit", "limit", $"limit must be between 1 and {IRangeTestRegistryGrain.Capacity}, not {limit}.");
        }

        var tests = await grains.GetGrain<IRangeTestRegistryGrain>(0).ListAsync(limit ?? 100);
        return TypedResults.Ok(tests.ToArray());
    }

    private static async Task<Results<Ok<LearningRateRangeTestStatus>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await grains.FindRangeTestAsync(id) is { } status ? TypedResults.Ok(status) : ApiProblems.RangeTestNotFound(id);

    private static async Task<Results<Ok<LearningRateRangeTestStatus>, ProblemHttpResult>> GetStudyTestAsync(string id, IGrainFactory grains)
    {
        if (await grains.FindStudyAsync(id) is null)
        {
            return ApiProblems.StudyNotFound(id);
        }

        return await grains.FindRangeTestAsync(id) is { } status && status.StudyId == id
            ? TypedResults.Ok(status)
            : ApiProblems.NotFound("No range test", $"Study '{id}' has no learning-rate range test (its spec has no lr_range_test, or it has not started yet).");
    }
}
