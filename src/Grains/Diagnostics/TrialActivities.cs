using System.Diagnostics;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Diagnostics;

/// <summary>
/// The <c>HyperTune</c> activity source: one span per trial's life, from its start to its end, tagged with the trial,
/// its study, its silo and how it ended.
/// </summary>
public static class TrialActivities
{
    /// <summary>The source's name, for OpenTelemetry.</summary>
    public const string SourceName = "HyperTune";

    /// <summary>The span's name.</summary>
    public const string TrialActivityName = "hypertune.trial";

    /// <summary>The name of the span that begins a study's trace.</summary>
    public const string StudyActivityName = "hypertune.study";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the span of a trial's life; null when nobody listens. It is a trace of its own, linked to the span that
    /// started it (the study's call), so it is sampled on its own and never parents the grain's later calls; it does not
    /// become the current span.
    /// </summary>
    public static Activity? StartTrial(string trialId, string studyId, int number, string silo, string? studyTrace = null, int attempt = 0)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        ActivityLink[]? links = previous is null ? null : [new ActivityLink(previous.Context)];
        // A child of its study's trace when the study has one (the context travels in the start request, so a
        // recovered trial's new span joins the same trace).
        var parent = ActivityContext.TryParse(studyTrace, null, isRemote: true, out var study) ? study : default;
        var activity = Source.StartActivity(TrialActivityName, ActivityKind.Internal, parentContext: parent, links: links);
        activity?.SetTag("hypertune.trial.attempt", attempt);
        Activity.Current = previous;
        activity?.SetTag("hypertune.trial.id", trialId)
            .SetTag("hypertune.study.id", studyId)
            .SetTag("hypertune.trial.number", number)
            .SetTag("hypertune.silo", silo);
        return activity;
    }

    /// <summary>
    /// Begins a study's trace: a short <c>hypertune.study</c> span (a root of its own, linked to the call that created
    /// the study) whose W3C context the study keeps; null when nobody listens.
    /// </summary>
    public static string? StartStudy(string studyId, string name)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        ActivityLink[]? links = previous is null ? null : [new ActivityLink(previous.Context)];
        using var activity = Source.StartActivity(StudyActivityName, ActivityKind.Internal, parentContext: default, links: links);
        Activity.Current = previous;
        activity?.SetTag("hypertune.study.id", studyId).SetTag("hypertune.study.name", name);
        return activity?.Id;
    }

    /// <summary>An epoch of the trial, as an event on its span.</summary>
    public static void Epoch(Activity? activity, int epoch, double learningRate, string? metric, double value)
    {
        if (activity is null)
        {
            return;
        }

        var tags = new ActivityTagsCollection { ["hypertune.epoch"] = epoch, ["hypertune.learning_rate"] = learningRate };
        if (metric is not null)
        {
            tags["hypertune.metric." + metric] = value;
        }

        activity.AddEvent(new ActivityEvent("epoch", tags: tags));
    }

    /// <summary>Ends the span with the trial's final state; an error status unless it completed or was stopped.</summary>
    public static void EndTrial(Activity? activity, TrialState state, int epochs, string? reason)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("hypertune.trial.state", state.ToString()).SetTag("hypertune.trial.epochs", epochs);
        if (reason is not null)
        {
            activity.SetTag("hypertune.trial.reason", reason);
        }

        activity.SetStatus(state is TrialState.Diverged or TrialState.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, reason);
        activity.Stop();
    }
}
