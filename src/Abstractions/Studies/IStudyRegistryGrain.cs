using System.Collections.Immutable;

namespace HyperTune.Abstractions.Studies;

/// <summary>The list of every study ever started, so clients can list them. One instance, key 0.</summary>
public interface IStudyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a study (idempotent).</summary>
    Task RegisterAsync(string studyId);

    /// <summary>
    /// Activates every study that has not finished, so it continues after a cluster restart; returns how many it woke.
    /// Studies seen finished are remembered and not woken again.
    /// </summary>
    Task<int> WakeUnfinishedAsync();

    /// <summary>Every study id, oldest first.</summary>
    Task<ImmutableArray<string>> ListAsync();
}
