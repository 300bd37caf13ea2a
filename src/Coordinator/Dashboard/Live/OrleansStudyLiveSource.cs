using System.Runtime.CompilerServices;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Api;
using HyperTune.Coordinator.Events;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Reads studies from the cluster: the same subscription as the REST API's event stream; every trial's status a page at a
/// time (<see cref="IStudyGrain.GetTrialPageAsync"/>); histories from the trials themselves, a few at a time.
/// </summary>
/// <remarks>
/// The study grain keeps no trial's best value: up to <see cref="BestFromHistoryUpTo"/> trials, <see cref="GetTrialsAsync"/>
/// reads the study's history once to find them; a larger study's trials start with their latest value as their best, and a
/// page improves on it from every epoch it sees afterwards (and from a trial's curve once read). A best value in the trial
/// summary the grain keeps would make it exact at any size.
/// </remarks>
internal sealed class OrleansStudyLiveSource(IGrainFactory grains, StudyEventStream events) : IStudyLiveSource
{
    /// <summary>Up to this many trials, their best values come from the study's history.</summary>
    public const int BestFromHistoryUpTo = 1_000;

    /// <summary>Trial histories read at once.</summary>
    private const int ParallelReads = 16;

    public Task<StudySnapshot?> GetStudyAsync(string studyId) => grains.FindStudyAsync(studyId);

    public async IAsyncEnumerable<object> WatchAsync(string studyId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsStudyId(studyId))
        {
            yield break;
        }

        await foreach (var item in events.ReadAsync(studyId, cancellationToken))
        {
            yield return item.Data;
        }
    }

    public async Task<IReadOnlyList<TrialSummary>> GetTrialsAsync(string studyId, CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsStudyId(studyId) || await grains.FindStudyAsync(studyId) is not { } study)
        {
            return [];
        }

        var grain = grains.GetGrain<IStudyGrain>(studyId);
        var trials = new List<TrialSnapshot>();
        for (var offset = 0; ; offset += TrialPageQuery.MaxLimit)
        {
            var page = await grain.GetTrialPageAsync(new TrialPageQuery(offset, TrialPageQuery.MaxLimit, [])).WaitAsync(cancellationToken);
            trials.AddRange(page.Trials);
            if (page.Trials.Length < TrialPageQuery.MaxLimit || trials.Count >= page.Total)
            {
                break;
            }
        }

        var best = trials.Count <= BestFromHistoryUpTo
            ? (await grain.GetHistoryAsync().WaitAsync(cancellationToken)).Trials
                .ToDictionary(t => t.TrialId, t => Best(t, study.ObjectiveMetric, study.Maximize), StringComparer.Ordinal)
            : [];
        return [.. trials.Select(t => best.TryGetValue(t.TrialId, out var b)
            ? new TrialSummary(t, b.Value, b.Epoch)
            : new TrialSummary(t, t.Metrics.TryGetValue(study.ObjectiveMetric, out var latest) ? latest : double.NaN, t.Epoch))];
    }

    public async Task<IReadOnlyList<TrialHistory>> GetHistoriesAsync(string studyId, IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsStudyId(studyId))
        {
            return [];
        }

        var wanted = trialIds.Where(id => ResourceIds.IsTrialId(id) && id.StartsWith(studyId + "-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var histories = new List<TrialHistory>(wanted.Count);
        foreach (var batch in wanted.Chunk(ParallelReads))
        {
            var read = await Task.WhenAll(batch.Select(id => grains.GetGrain<ITrialGrain>(id).GetHistoryAsync())).WaitAsync(cancellationToken);
            histories.AddRange(read.OfType<TrialHistory>());
        }

        return histories;
    }

    private static (double Value, int Epoch) Best(TrialHistory trial, string objective, bool maximize)
    {
        var (value, epoch) = (double.NaN, 0);
        foreach (var e in trial.Epochs)
        {
            if (e.Metrics.TryGetValue(objective, out var v) && double.IsFinite(v) && (double.IsNaN(value) || (maximize ? v > value : v < value)))
            {
                (value, epoch) = (v, e.Epoch);
            }
        }

        return (value, epoch);
    }
}
