namespace HyperTune.Search.Specs;

/// <summary>
/// Which data a study trains on and how it is split. Equal specs denote the same prepared dataset, so a process
/// loads each one once and shares it between runs.
/// </summary>
public sealed record DatasetSpec
{
    /// <summary>The source: one of <see cref="DatasetKinds.All"/>. Default <c>digits</c>.</summary>
    public string Kind { get; init; } = DatasetKinds.Digits;

    /// <summary>For <c>csv</c>: the file to read.</summary>
    public string? Path { get; init; }

    /// <summary>For <c>csv</c>: the header name of the label column. Required for csv.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Classification or regression. Synthetic kinds and digits imply it; csv defaults to classification.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>For <c>csv</c>: a separate validation file with the same header; when set, no split is made.</summary>
    public string? ValidationPath { get; init; }

    /// <summary>Fraction of samples held out for validation, stratified by class. Default 0.2, range (0, 0.9].</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>For synthetic kinds: the number of samples to generate. Default 2,000.</summary>
    public int Samples { get; init; } = 2000;

    /// <summary>For synthetic kinds: the noise level. Default 0.1.</summary>
    public double Noise { get; init; } = 0.1;

    /// <summary>For spirals and blobs: the number of classes. Default 3.</summary>
    public int Classes { get; init; } = 3;

    /// <summary>For blobs and regression: the number of features. Default 2 for blobs, 10 for regression when 0.</summary>
    public int Features { get; init; }

    /// <summary>Seed of data generation and of the train/validation split (not of training). Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Standardize features to zero mean and unit variance, fitted on the training split. Default true.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>For <c>csv</c>: what to do with empty feature cells. Default <see cref="MissingValuePolicy.Error"/>.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Error;
}
