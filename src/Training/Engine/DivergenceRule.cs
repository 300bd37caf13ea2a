using System.Globalization;

namespace HyperTune.Training.Engine;

/// <summary>
/// When a run has diverged (the same rule for every trainable): its mean training loss of an epoch is NaN or infinite,
/// or exceeds <see cref="TrainingRunOptions.DivergenceFactor"/> × its best epoch and also its first loss.
/// </summary>
internal static class DivergenceRule
{
    /// <summary>Why the run diverged at <paramref name="epoch"/>, or null when it did not.</summary>
    public static string? Check(double trainLoss, double bestTrainLoss, double firstLoss, double factor, int epoch)
    {
        if (!double.IsFinite(trainLoss))
        {
            return string.Create(CultureInfo.InvariantCulture, $"mean training loss became {trainLoss} at epoch {epoch}");
        }

        return double.IsFinite(bestTrainLoss) && trainLoss > factor * bestTrainLoss && trainLoss > firstLoss
            ? string.Create(CultureInfo.InvariantCulture, $"training loss {trainLoss:G4} at epoch {epoch} exceeds {factor}× the best {bestTrainLoss:G4}")
            : null;
    }
}
