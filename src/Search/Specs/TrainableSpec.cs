namespace HyperTune.Search.Specs;

/// <summary>
/// What a study's trials train (JSON <c>trainable</c>): the TorchSharp MLP (<c>{"kind": "mlp"}</c>, the default when
/// the section is absent) or the synthetic trainable (<c>{"kind": "synthetic", "seconds_per_epoch": 0.05}</c>), which
/// needs no dataset and no core.
/// </summary>
public sealed record TrainableSpec
{
    /// <summary>The seconds an epoch of the synthetic trainable takes when <see cref="SecondsPerEpoch"/> is not given.</summary>
    public const double DefaultSecondsPerEpoch = 0.05;

    /// <summary>The longest epoch the synthetic trainable accepts: one hour.</summary>
    public const double MaxSecondsPerEpoch = 3600;

    /// <summary>The default: the MLP.</summary>
    public static TrainableSpec Mlp { get; } = new();

    /// <summary>One of <see cref="TrainableKinds.All"/>. Default <c>mlp</c>.</summary>
    public string Kind { get; init; } = TrainableKinds.Mlp;

    /// <summary>
    /// For <c>synthetic</c>: the seconds each epoch waits, from 0 (as fast as possible) to
    /// <see cref="MaxSecondsPerEpoch"/>; null for <see cref="DefaultSecondsPerEpoch"/>. Not allowed for <c>mlp</c>.
    /// </summary>
    public double? SecondsPerEpoch { get; init; }

    /// <summary>True for the synthetic trainable.</summary>
    public bool IsSynthetic => string.Equals(Kind, TrainableKinds.Synthetic, StringComparison.Ordinal);

    /// <summary>How long an epoch of the synthetic trainable takes.</summary>
    public TimeSpan EpochDuration => TimeSpan.FromSeconds(SecondsPerEpoch ?? DefaultSecondsPerEpoch);

    /// <summary>The synthetic trainable, each epoch taking <paramref name="secondsPerEpoch"/> (null: the default).</summary>
    public static TrainableSpec Synthetic(double? secondsPerEpoch = null) =>
        new() { Kind = TrainableKinds.Synthetic, SecondsPerEpoch = secondsPerEpoch };
}
