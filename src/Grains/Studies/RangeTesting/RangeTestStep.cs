using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;

namespace HyperTune.Grains.Studies.RangeTesting;

/// <summary>
/// The study's first step when its spec has <c>lr_range_test</c>: it runs the range test (keyed by the study id) and,
/// on its completion, starts the search with the learning rate's bounds it proposes. A test cut off by its silo is
/// started again (up to the recovery retries); any other failure fails the study with the test's error.
/// </summary>
internal sealed class RangeTestStep(StudyContext context, StudyController owner)
{
    /// <summary>True while the spec's range test has not completed: no trial starts before it has.</summary>
    public bool Awaiting => context.Spec?.LearningRateRangeTest is not null && context.Header.RangeTest is null;

    /// <summary>Starts (or starts again) the range test.</summary>
    public void Start()
    {
        var spec = context.Spec!;
        var rangeTest = spec.LearningRateRangeTest!;
        context.Header.RangeTestAttempts++;
        context.HeaderDirty = true;
        context.Effects.Add(new StartRangeTestEffect(new LearningRateRangeTestRequest(rangeTest.ConfigFor(spec.SearchSpace), spec.Dataset, spec.Seed, rangeTest.Options)
        {
            StudyId = context.StudyId,
        }));
        context.Effects.Add(PersistEffect.Soon);
    }

    /// <summary>The start call returned (null: its silo could not be reached; the watchdog asks again).</summary>
    public void OnStartReturned(CommandResult? result)
    {
        if (result is null)
        {
            Log.StudyRangeTestFailed(context.Logger, context.StudyId, context.Header.RangeTestAttempts, "its silo could not be reached");
        }
        else if (!result.Accepted && result.Kind != CommandError.InvalidState && Awaiting && !context.Header.State.IsFinished())
        {
            owner.EndStudy(StudyState.Failed, "the learning-rate range test could not start: " + result.Error);
        }
    }

    /// <summary>The watchdog's look at the test the study waits for.</summary>
    public void OnTick()
    {
        if (Awaiting && context.Header.State is StudyState.Running or StudyState.Paused)
        {
            context.Effects.Add(ProbeRangeTestEffect.Instance);
        }
    }

    /// <summary>The test's status: started when it never was, handled when it ended unheard.</summary>
    public void OnProbed(LearningRateRangeTestStatus? status, bool reachable)
    {
        if (!reachable || !Awaiting || context.Header.State.IsFinished())
        {
            return;
        }

        if (status is null)
        {
            Start();
        }
        else
        {
            OnEnded(status);
        }
    }

    /// <summary>
    /// A completed test starts the search; a failed one is started again when it was interrupted and has retries left,
    /// and otherwise fails the study with its error.
    /// </summary>
    public void OnEnded(LearningRateRangeTestStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!Awaiting || context.Header.State.IsFinished())
        {
            return;
        }

        if (status is { State: RangeTestState.Completed, Result: { } result })
        {
            context.Header.RangeTest = result;
            context.HeaderDirty = true;
            owner.BeginSearch();
            if (context.Spec!.LearningRateRangeTest!.SetBounds)
            {
                Log.RangeTestApplied(context.Logger, context.StudyId, result.SearchLow, result.SearchHigh);
            }

            context.Effects.Add(PersistEffect.Now);
            context.Effects.Add(NotifyStudyEffect.Instance);
            context.Effects.Add(FillEffect.Now);
            return;
        }

        if (status.State != RangeTestState.Failed)
        {
            return;
        }

        Log.StudyRangeTestFailed(context.Logger, context.StudyId, context.Header.RangeTestAttempts, status.Error ?? "unknown error");
        if (status.Interrupted && context.Header.RangeTestAttempts <= context.Recovery.MaxRetries)
        {
            Start();
        }
        else
        {
            owner.EndStudy(StudyState.Failed, "the learning-rate range test failed: " + status.Error);
        }
    }
}
