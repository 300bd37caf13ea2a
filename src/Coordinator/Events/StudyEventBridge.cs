using System.Net.ServerSentEvents;
using System.Threading.Channels;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Events;

/// <summary>A client-side study observer that turns every notification into a server-sent event on a channel.</summary>
internal sealed class StudyEventBridge(ChannelWriter<SseItem<object>> events) : IStudyObserver
{
    public Task OnTrialEpochAsync(TrialEpochReport report) => Write(report, StudyEventNames.Epoch);

    public Task OnTrialChangedAsync(TrialSnapshot trial) => Write(trial, StudyEventNames.Trial);

    public Task OnStudyChangedAsync(StudySnapshot study) => Write(study, StudyEventNames.Study);

    private Task Write(object data, string name)
    {
        events.TryWrite(new SseItem<object>(data, name));
        return Task.CompletedTask;
    }
}
