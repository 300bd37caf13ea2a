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
    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.StudyIds.ToImmutableArray());
}
