using System.Globalization;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Median;

/// <summary>
/// The median stopping rule (Golovin et al., Google Vizier; Ray Tune's <c>MedianStoppingRule</c>): at epoch t ≥
/// <see cref="MedianStoppingSchedulerOptions.GracePeriod"/>, a trial is pruned when its best result so far (or its running
/// average) is worse than the median of the running averages, up to epoch t, of the other trials that reached epoch t —
/// once at least <see cref="MedianStoppingSchedulerOptions.MinSamples"/> of them did. Completed, pruned and running
/// trials all count as others. A NaN result makes the trial's value at that epoch the worst.
/// </summary>
public sealed class MedianStoppingScheduler : TrialSchedulerBase
{
    private readonly MedianStoppingSchedulerOptions _options;

    /// <summary>Creates the scheduler of a spec.</summary>
    public MedianStoppingScheduler(StudySpec spec, MedianStoppingSchedulerOptions? options = null, TimeProvider? time = null)
        : base(spec, time)
    {
        _options = options ?? new MedianStoppingSchedulerOptions();
    }

    /// <inheritdoc />
    public override string Kind => MedianStoppingSchedulerProvider.KindName;

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        if (epoch < _options.GracePeriod)
        {
            return SchedulerDecision.Continue;
        }

        var others = new List<double>();
        foreach (var other in Trials)
        {
            if (!ReferenceEquals(other, trial) && other.ScoreAt(epoch) is not null)
            {
                others.Add(RunningAverage(other, epoch));
            }
        }

        if (others.Count < _options.MinSamples)
        {
            return SchedulerDecision.Continue;
        }

        var median = Median(others);
        var value = double.IsNegativeInfinity(score) ? score
            : _options.UseRunningAverage ? RunningAverage(trial, epoch)
            : trial.Scores.Max(s => s.Score);
        return value < median
            ? SchedulerDecision.Prune(string.Create(
                CultureInfo.InvariantCulture,
                $"{(_options.UseRunningAverage ? "running average" : "best")} {Spec.Objective.Metric} {Metric(value)} is worse than the median {Metric(median)} of {others.Count} other trials at epoch {epoch}"))
            : SchedulerDecision.Continue;
    }

    /// <summary>The mean score of the trial's results up to <paramref name="epoch"/> (−∞ when one of them is −∞).</summary>
    private static double RunningAverage(SchedulerTrial trial, int epoch)
    {
        double sum = 0;
        var count = 0;
        foreach (var s in trial.Scores)
        {
            if (s.Epoch <= epoch)
            {
                sum += s.Score;
                count++;
            }
        }

        return count == 0 ? double.NegativeInfinity : sum / count;
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    internal static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        if (values.Count % 2 == 1)
        {
            return values[middle];
        }

        var (low, high) = (values[middle - 1], values[middle]);
        return double.IsInfinity(low) || double.IsInfinity(high) ? low : (low + high) / 2;
    }
}
