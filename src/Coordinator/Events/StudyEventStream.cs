using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Diagnostics;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Events;

/// <summary>
/// One study's live events: subscribes a <see cref="StudyEventBridge"/>, yields the study's current state (a study event
/// and a trial event per trial), then every change as it comes, until a study event says the study finished (preceded
/// by the final state of every trial the stream has not shown finished) or the reader stops. The subscription is renewed
/// every <see cref="StudyEventOptions.ResubscribeInterval"/> and always removed.
/// </summary>
internal sealed class StudyEventStream(IGrainFactory grains, IOptions<StudyEventOptions> options, TimeProvider time, ILogger<StudyEventStream> logger)
{
    /// <summary>The events of study <paramref name="studyId"/>.</summary>
    public async IAsyncEnumerable<SseItem<object>> ReadAsync(string studyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var study = grains.GetGrain<IStudyGrain>(studyId);
        var channel = Channel.CreateBounded<SseItem<object>>(new BoundedChannelOptions(options.Value.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var bridge = new StudyEventBridge(channel.Writer);
        var reference = grains.CreateObjectReference<IStudyObserver>(bridge);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task renewing = Task.CompletedTask;
        var sent = 0;
        Log.EventStreamOpened(logger, studyId);
        try
        {
            // Subscribe first, then read the state, so nothing between the two is missed (a change may come twice).
            await study.SubscribeAsync(reference);
            renewing = RenewAsync(study, reference, studyId, renewal.Token);
            if (await study.GetStatusAsync() is not { } current)
            {
                yield break;
            }

            sent++;
            yield return new SseItem<object>(current, StudyEventNames.Study);
            var trialStates = new Dictionary<string, TrialState>(StringComparer.Ordinal);
            foreach (var trial in await RecentTrialsAsync(study))
            {
                sent++;
                trialStates[trial.TrialId] = trial.State;
                yield return new SseItem<object>(trial, StudyEventNames.Trial);
            }

            if (current.State.IsFinished())
            {
                yield break;
            }

            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Data is StudySnapshot { State: var state } && state.IsFinished())
                {
                    // Notifications may overtake each other on the way (the client has several gateways): before the
                    // last event, send every trial whose final state the stream has not shown yet.
                    foreach (var trial in await RecentTrialsAsync(study))
                    {
                        if (!trialStates.TryGetValue(trial.TrialId, out var shown) || shown != trial.State)
                        {
                            sent++;
                            yield return new SseItem<object>(trial, StudyEventNames.Trial);
                        }
                    }

                    sent++;
                    yield return item;
                    yield break;
                }

                if (item.Data is TrialSnapshot changed)
                {
                    trialStates[changed.TrialId] = changed.State;
                }

                sent++;
                yield return item;
            }
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            try
            {
                await study.UnsubscribeAsync(reference);
            }
            catch (Exception e)
            {
                Log.UnsubscribeFailed(logger, studyId, e.Message);
            }

            grains.DeleteObjectReference<IStudyObserver>(reference);
            GC.KeepAlive(bridge);
            Log.EventStreamClosed(logger, studyId, sent);
        }
    }

    private async Task RenewAsync(IStudyGrain study, IStudyObserver reference, string studyId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResubscribeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await study.SubscribeAsync(reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.ResubscribeFailed(logger, studyId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    /// <summary>
    /// What a stream shows when it opens (and checks before its last event): every unfinished trial and the latest
    /// <see cref="TrialPageQuery.MaxLimit"/> by number — every trial of a study that small, a bounded burst for a huge one.
    /// </summary>
    private static async Task<IEnumerable<TrialSnapshot>> RecentTrialsAsync(IStudyGrain study)
    {
        var unfinished = study.GetTrialPageAsync(new TrialPageQuery(0, TrialPageQuery.MaxLimit, [TrialState.Pending, TrialState.Running, TrialState.Paused]));
        var latest = await study.GetTrialPageAsync(new TrialPageQuery(0, TrialPageQuery.MaxLimit, [], Descending: true));
        var seen = latest.Trials.Select(t => t.TrialId).ToHashSet(StringComparer.Ordinal);
        return latest.Trials.Reverse().Concat((await unfinished).Trials.Where(t => !seen.Contains(t.TrialId))).OrderBy(t => t.Number);
    }
}
