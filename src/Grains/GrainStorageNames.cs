namespace HyperTune.Grains;

/// <summary>The names of the grain storage providers HyperTune's grains use.</summary>
public static class GrainStorageNames
{
    /// <summary>Study and trial state.</summary>
    public const string Default = "hypertune";
}
