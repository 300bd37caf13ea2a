using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Bench;

/// <summary>Completes <see cref="Ended"/> when the study it observes ends.</summary>
internal sealed class StudyEndObserver : IStudyObserver
{
    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnTrialEpochAsync(TrialEpochReport report) => Task.CompletedTask;

    public Task OnTrialChangedAsync(TrialSnapshot trial) => Task.CompletedTask;

    public Task OnStudyChangedAsync(StudySnapshot study)
    {
        if (study.State.IsFinished())
        {
            Ended.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
