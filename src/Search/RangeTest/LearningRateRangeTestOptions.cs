using System.Globalization;

namespace HyperTune.Search.RangeTest;

/// <summary>
/// How a learning-rate range test ramps, smooths and stops (Smith, "Cyclical Learning Rates for Training Neural
/// Networks", 2017; fastai's <c>lr_find</c>). Defaults follow fastai.
/// </summary>
public sealed record LearningRateRangeTestOptions
{
    /// <summary>The learning rate of the first step. Default 1e-7; greater than 0.</summary>
    public double StartLearningRate { get; init; } = 1e-7;

    /// <summary>The learning rate of the last step. Default 10; greater than <see cref="StartLearningRate"/>.</summary>
    public double EndLearningRate { get; init; } = 10;

    /// <summary>Steps of the ramp (mini-batches). Default 100; at least 5.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>β of the loss's exponential moving average (bias-corrected). Default 0.98; 0 to less than 1.</summary>
    public double SmoothingBeta { get; init; } = 0.98;

    /// <summary>The test stops once the smoothed loss exceeds this multiple of its best. Default 4; greater than 1.</summary>
    public double DivergenceFactor { get; init; } = 4;

    /// <summary>Points left out at the start when looking for the steepest descent (the average is still settling). Default 10; not negative.</summary>
    public int SkipStart { get; init; } = 10;

    /// <summary>Points left out before the stop when looking for the steepest descent. Default 5; not negative.</summary>
    public int SkipEnd { get; init; } = 5;

    /// <summary>The learning rate of step <paramref name="step"/> (0-based): start·(end/start)^(step/(steps−1)).</summary>
    public double LearningRateAt(int step) =>
        StartLearningRate * Math.Pow(EndLearningRate / StartLearningRate, step / (double)Math.Max(Steps - 1, 1));

    /// <summary>Throws when the options cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public void Validate()
    {
        if (!(StartLearningRate > 0) || !double.IsFinite(StartLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(StartLearningRate), StartLearningRate, "The start learning rate must be a finite number greater than 0.");
        }

        if (!(EndLearningRate > StartLearningRate) || !double.IsFinite(EndLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(EndLearningRate), EndLearningRate, string.Create(CultureInfo.InvariantCulture, $"The end learning rate must be finite and greater than the start ({StartLearningRate})."));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 5);
        if (!(SmoothingBeta >= 0 && SmoothingBeta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SmoothingBeta), SmoothingBeta, "β must be at least 0 and less than 1.");
        }

        if (!(DivergenceFactor > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), DivergenceFactor, "The divergence factor must be greater than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(SkipStart);
        ArgumentOutOfRangeException.ThrowIfNegative(SkipEnd);
    }
}
