namespace HyperTune.Grains.Studies;

/// <summary>What the study registry keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class StudyRegistryGrainState
{
    /// <summary>Every study id, oldest first.</summary>
    [Id(0)]
    public List<string> StudyIds { get; set; } = [];

    /// <summary>Studies seen finished, which a restart need not wake.</summary>
    [Id(1)]
    public HashSet<string> FinishedIds { get; set; } = new(StringComparer.Ordinal);
}
