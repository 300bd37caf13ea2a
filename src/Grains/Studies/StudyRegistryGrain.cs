using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;

namespace HyperTune.Grains.Studies;

/// <summary>Keeps the ids of every study, in the order they started.</summary>
public sealed class StudyRegistryGrain(
    [PersistentState("studies", GrainStorageNames.Default)] IPersistentState<StudyRegistryGrainState> state) : Grain, IStudyRegistryGrain
{
    /// <inheritdoc />
    public async Task RegisterAsync(string studyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        if (!state.State.StudyIds.Contains(studyId, StringComparer.Ordinal))
        {
            state.State.StudyIds.Add(studyId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<int> WakeUnfinishedAsync()
    {
        var unfinished = state.State.StudyIds.Where(id => !state.State.FinishedIds.Contains(id)).ToArray();
        var snapshots = await Task.WhenAll(unfinished.Select(id => GrainFactory.GetGrain<IStudyGrain>(id).GetStatusAsync()));
        var finished = snapshots.OfType<StudySnapshot>().Where(s => s.State.IsFinished()).Select(s => s.StudyId).ToArray();
        if (finished.Length > 0)
        {
            state.State.FinishedIds.UnionWith(finished);
            await state.WriteStateAsync();
        }

        return unfinished.Length - finished.Length;
    }

    /// <inheritdoc />
    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.StudyIds.ToImmutableArray());
}
