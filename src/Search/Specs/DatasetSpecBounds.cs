namespace HyperTune.Search.Specs;

/// <summary>The largest synthetic datasets a spec may ask for (the sources generate them in memory).</summary>
public static class DatasetSpecBounds
{
    /// <summary>The most synthetic samples.</summary>
    public const int MaxSamples = 10_000_000;

    /// <summary>The most synthetic classes.</summary>
    public const int MaxClasses = 100;

    /// <summary>The most synthetic features.</summary>
    public const int MaxFeatures = 1000;
}
