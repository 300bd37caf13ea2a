using System.Collections.Immutable;

namespace HyperTune.Abstractions.Studies;

/// <summary>The list of every study ever started, so clients can list them. One instance, key 0.</summary>
public interface IStudyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a study (idempotent).</summary>
    Task RegisterAsync(string studyId);

    /// <summary>Every study id, oldest first.</summary>
    Task<ImmutableArray<string>> ListAsync();
}
