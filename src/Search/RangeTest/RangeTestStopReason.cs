namespace HyperTune.Search.RangeTest;

/// <summary>Why a learning-rate range test ended.</summary>
public enum RangeTestStopReason
{
    /// <summary>It ran every step of the ramp.</summary>
    Completed,

    /// <summary>The smoothed loss rose above the divergence factor times its best.</summary>
    Diverged,

    /// <summary>A loss was NaN or infinite.</summary>
    NonFinite,
}
