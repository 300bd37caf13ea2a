namespace HyperTune.Search.Specs;

/// <summary>The names of the dataset sources a study can train on.</summary>
public static class DatasetKinds
{
    /// <summary>The built-in 8×8 handwritten digits (1,797 samples, 64 features, 10 classes).</summary>
    public const string Digits = "digits";

    /// <summary>Synthetic interleaved spirals, one arm per class.</summary>
    public const string Spirals = "spirals";

    /// <summary>Synthetic two interleaved half-moons.</summary>
    public const string Moons = "moons";

    /// <summary>Synthetic Gaussian blobs, one per class.</summary>
    public const string Blobs = "blobs";

    /// <summary>Synthetic regression (Friedman #1 function with noise).</summary>
    public const string Regression = "regression";

    /// <summary>A user CSV file with a header row.</summary>
    public const string Csv = "csv";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All = [Digits, Spirals, Moons, Blobs, Regression, Csv];
}
