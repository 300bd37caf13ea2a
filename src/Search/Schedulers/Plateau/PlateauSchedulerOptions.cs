using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Schedulers.Plateau;

/// <summary>
/// Options of the <c>plateau</c> scheduler (<c>"scheduler": {"kind": "plateau", "patience": 3, "factor": 0.5}</c>),
/// after PyTorch's <c>ReduceLROnPlateau</c> in relative-threshold mode.
/// </summary>
public sealed class PlateauSchedulerOptions
{
    /// <summary>Epochs without improvement that are tolerated; the next one decays. Default 3; 0 to 1,000.</summary>
    [Range(0, 1000)]
    public int Patience { get; init; } = 3;

    /// <summary>The learning rate is multiplied by this on a plateau. Default 0.5; greater than 0 and less than 1.</summary>
    [Range(1e-6, 0.999999)]
    public double Factor { get; init; } = 0.5;

    /// <summary>
    /// An epoch improves when it beats the best by more than this fraction of the best's magnitude. Default 1e-4; 0 to 1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; init; } = 1e-4;

    /// <summary>Epochs after a decay during which bad epochs are not counted. Default 0; 0 to 1,000.</summary>
    [Range(0, 1000)]
    public int Cooldown { get; init; }

    /// <summary>
    /// No decay takes a trial's learning rate below this (a decay is shortened to reach it exactly; none is sent at
    /// it). Default 0; not negative.
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double MinLr { get; init; }
}
