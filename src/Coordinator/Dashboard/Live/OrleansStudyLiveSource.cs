using System.Runtime.CompilerServices;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Api;
using HyperTune.Coordinator.Events;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Reads studies from the cluster: the same subscription as the REST API's event stream; trial summaries and histories
/// from the study and trial grains.
/// </summary>
/// <remarks>
/// Today's study grain has no query of trial summaries: <see cref="GetTrialsAsync"/> reads the study's whole history
/// once to find each trial's best value (the cost a study page always had). A paged summary query on the grain replaces
/// it without changing the pages.
/// </remarks>
internal sealed class OrleansStudyLiveSource(IGrainFactory grains, StudyEventStream events) : IStudyLiveSource
{
    /// <summary>Up to this many histories are read from the trials themselves; more from the study's history in one call.</summary>
    private const int PerTrialReads = 16;

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
        var trials = await grain.GetTrialsAsync().WaitAsync(cancellationToken);
        var history = await grain.GetHistoryAsync().WaitAsync(cancellationToken);
        var best = history.Trials.ToDictionary(t => t.TrialId, t => Best(t, study.ObjectiveMetric, study.Maximize), StringComparer.Ordinal);
        return [.. trials.Select(t => best.TryGetValue(t.TrialId, out var b)
            ? new TrialSummary(t, b.Value, b.Epoch)
            : new TrialSummary(t, double.NaN, 0))];
    }

    public async Task<IReadOnlyList<TrialHistory>> GetHistoriesAsync(string studyId, IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
    {
        var wanted = trialIds.Where(id => ResourceIds.IsTrialId(id) && id.StartsWith(studyId + "-", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0 || !ResourceIds.IsStudyId(studyId))
        {
            return [];
        }

        if (wanted.Count > PerTrialReads)
        {
            var history = await grains.GetGrain<IStudyGrain>(studyId).GetHistoryAsync().WaitAsync(cancellationToken);
            return [.. history.Trials.Where(t => wanted.Contains(t.TrialId))];
        }

        var histories = await Task.WhenAll(wanted.Select(id => grains.GetGrain<ITrialGrain>(id).GetHistoryAsync())).WaitAsync(cancellationToken);
        return [.. histories.OfType<TrialHistory>()];
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
