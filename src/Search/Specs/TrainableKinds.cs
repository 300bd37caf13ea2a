namespace HyperTune.Search.Specs;

/// <summary>The names of what a study's trials can train (JSON <c>trainable.kind</c>).</summary>
public static class TrainableKinds
{
    /// <summary>The TorchSharp MLP trained on the study's dataset (the default).</summary>
    public const string Mlp = "mlp";

    /// <summary>
    /// A stand-in that trains nothing: each epoch waits a fixed time and reports metrics from a deterministic response
    /// surface of the config, for measuring the cluster at many trials.
    /// </summary>
    public const string Synthetic = "synthetic";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All = [Mlp, Synthetic];
}
