using System.Runtime.CompilerServices;
using HyperTune.Abstractions.Studies;
using HyperTune.Coordinator.Api;
using HyperTune.Coordinator.Events;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Reads studies from the cluster: the same subscription as the REST API's event stream, followed — once subscribed, so
/// nothing falls between the two — by the study's full history.
/// </summary>
internal sealed class OrleansStudyLiveSource(IGrainFactory grains, StudyEventStream events) : IStudyLiveSource
{
    public Task<StudySnapshot?> GetStudyAsync(string studyId) => grains.FindStudyAsync(studyId);

    public async IAsyncEnumerable<object> WatchAsync(string studyId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsStudyId(studyId))
        {
            yield break;
        }

        var first = true;
        await foreach (var item in events.ReadAsync(studyId, cancellationToken))
        {
            yield return item.Data;
            if (first)
            {
                // The stream subscribes before its first event: history read now misses nothing.
                first = false;
                yield return await grains.GetGrain<IStudyGrain>(studyId).GetHistoryAsync();
            }
        }
    }
}
