using System.Globalization;

namespace HyperTune.Search.Hyperparameters;

/// <summary>
/// The learning rates and decay factors a live command (set-lr, decay-lr, a scheduler's or a population's decay) may
/// ask for, so that the rate always fits the engine's float32 arithmetic and stays a rate training can use:
/// <list type="bullet">
/// <item>a learning rate from <see cref="MinLearningRate"/> (1e-10: below it a float32 weight no longer changes) to
/// <see cref="MaxLearningRate"/> (100, the catalog's bound of <c>learning_rate</c>);</item>
/// <item>a decay factor from <see cref="MinFactor"/> (1e-6) to <see cref="MaxFactor"/> (1,000), whose result must also
/// stay within those rates.</item>
/// </list>
/// </summary>
public static class LearningRateCommandLimits
{
    /// <summary>The smallest learning rate a command may set or reach.</summary>
    public const double MinLearningRate = 1e-10;

    /// <summary>The largest learning rate a command may set or reach.</summary>
    public const double MaxLearningRate = 100;

    /// <summary>The smallest decay factor.</summary>
    public const double MinFactor = 1e-6;

    /// <summary>The largest decay factor.</summary>
    public const double MaxFactor = 1000;

    /// <summary>Why <paramref name="value"/> cannot be set as the learning rate; null when it can.</summary>
    public static string? CheckSet(double value) =>
        double.IsFinite(value) && value >= MinLearningRate && value <= MaxLearningRate
            ? null
            : Invariant($"The learning rate must be a finite number from {MinLearningRate:G} to {MaxLearningRate:G}, not {value:G}.");

    /// <summary>
    /// Why the learning rate cannot be multiplied by <paramref name="factor"/>; null when it can.
    /// <paramref name="currentRate"/> is the rate now, when known (NaN otherwise): the result must stay within the rates
    /// a command may reach.
    /// </summary>
    public static string? CheckDecay(double factor, double currentRate = double.NaN)
    {
        if (!(double.IsFinite(factor) && factor >= MinFactor && factor <= MaxFactor))
        {
            return Invariant($"The decay factor must be a finite number from {MinFactor:G} to {MaxFactor:G}, not {factor:G}.");
        }

        if (double.IsFinite(currentRate) && currentRate > 0)
        {
            var result = currentRate * factor;
            if (result > MaxLearningRate || result < MinLearningRate)
            {
                return Invariant($"A factor of {factor:G} would take the learning rate from {currentRate:G} to {result:G}, outside {MinLearningRate:G} to {MaxLearningRate:G}.");
            }
        }

        return null;
    }

    /// <summary><paramref name="rate"/> brought within <see cref="MinLearningRate"/> and <see cref="MaxLearningRate"/>.</summary>
    public static double Clamp(double rate) =>
        double.IsNaN(rate) ? MinLearningRate : Math.Clamp(rate, MinLearningRate, MaxLearningRate);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
