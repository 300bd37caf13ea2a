using HyperTune.Coordinator.Events;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/studies/{id}/events</c>: a study's live events as server-sent events.</summary>
internal static class EventStreamEndpoint
{
    /// <summary>Maps the event stream route under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapEventStreamEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/studies/{id}/events", StreamAsync).WithTags("Studies").WithName("StreamStudyEvents")
            .WithSummary("A study's live events (text/event-stream): its state, then study, trial and epoch events until it finishes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> StreamAsync(
        string id, HttpResponse response, IGrainFactory grains, StudyEventStream stream)
    {
        if (await grains.FindStudyAsync(id) is null)
        {
            return ApiProblems.StudyNotFound(id);
        }

        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(stream.ReadAsync(id));
    }
}
