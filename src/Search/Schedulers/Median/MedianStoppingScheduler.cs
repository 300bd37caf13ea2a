using System.Globalization;
using System.Text.Json.Nodes;
using HyperTune.Search.Collections;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Median;

/// <summary>
/// The median stopping rule (Golovin et al., Google Vizier; Ray Tune's <c>MedianStoppingRule</c>): at epoch t ≥
/// <see cref="MedianStoppingSchedulerOptions.GracePeriod"/>, a trial is pruned when its best result so far (or its running
/// average) is worse than the median of the running averages, up to epoch t, of the other trials that reached epoch t —
/// once at least <see cref="MedianStoppingSchedulerOptions.MinSamples"/> of them did. Completed, pruned and running
/// trials all count as others. A NaN result makes the trial's value at that epoch the worst.
/// </summary>
/// <remarks>
/// For every epoch t from the grace period on, the running averages up to t of the trials that reported t are kept in
/// an order-statistic tree, updated with each result (a result for an epoch at or below ones the trial already
/// reported, as after a restart from a checkpoint, updates the trial's averages at those epochs), so a decision costs
/// O(log n) in the number of trials, not a pass over all of them. The trees are rebuilt from the trials' scores on
/// restore; the scheduler saves nothing of its own.
/// </remarks>
public sealed class MedianStoppingScheduler : TrialSchedulerBase
{
    private readonly MedianStoppingSchedulerOptions _options;
    private readonly Dictionary<int, OrderedMultiset> _averages = [];

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
        Update(trial);
        if (epoch < _options.GracePeriod)
        {
            return SchedulerDecision.Continue;
        }

        var averages = _averages[epoch];
        var own = RunningAverage(trial.Scores, trial.Scores.Count, epoch);
        var others = averages.Count - 1;
        if (others < _options.MinSamples)
        {
            return SchedulerDecision.Continue;
        }

        averages.Remove(own);
        var median = Median(averages);
        averages.Add(own);
        var value = double.IsNegativeInfinity(score) ? score
            : _options.UseRunningAverage ? own
            : trial.Scores.Max(s => s.Score);
        return value < median
            ? SchedulerDecision.Prune(string.Create(
                CultureInfo.InvariantCulture,
                $"{(_options.UseRunningAverage ? "running average" : "best")} {Spec.Objective.Metric} {Metric(value)} is worse than the median {Metric(median)} of {others} other trials at epoch {epoch}"))
            : SchedulerDecision.Continue;
    }

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
        _averages.Clear();
        foreach (var trial in Trials)
        {
            foreach (var epoch in Epochs(trial.Scores, trial.Scores.Count))
            {
                At(epoch).Add(RunningAverage(trial.Scores, trial.Scores.Count, epoch));
            }
        }
    }

    /// <summary>The median (the mean of the middle two for an even count; the lower one when one of them is infinite).</summary>
    internal static double Median(OrderedMultiset values)
    {
        var middle = values.Count / 2;
        if (values.Count % 2 == 1)
        {
            return values[middle];
        }

        var (low, high) = (values[middle - 1], values[middle]);
        return double.IsInfinity(low) || double.IsInfinity(high) ? low : (low + high) / 2;
    }

    /// <summary>
    /// Moves the trial's running averages in the trees from before its last score to after it: the last score changes
    /// the averages at its epoch and at every later epoch the trial reported.
    /// </summary>
    private void Update(SchedulerTrial trial)
    {
        var scores = trial.Scores;
        var before = scores.Count - 1;
        var epoch = scores[before].Epoch;
        var latest = int.MinValue;
        for (var i = 0; i < before; i++)
        {
            latest = Math.Max(latest, scores[i].Epoch);
        }

        if (epoch > latest)
        {
            // The usual case, epochs in order: only the new epoch's average is new, and no earlier one changes.
            if (epoch >= _options.GracePeriod)
            {
                At(epoch).Add(RunningAverage(scores, scores.Count, epoch));
            }

            return;
        }

        foreach (var t in Epochs(scores, scores.Count))
        {
            if (t < epoch)
            {
                continue;
            }

            var tree = At(t);
            if (ReportedAt(scores, before, t))
            {
                tree.Remove(RunningAverage(scores, before, t));
            }

            tree.Add(RunningAverage(scores, scores.Count, t));
        }
    }

    /// <summary>The tree of epoch <paramref name="epoch"/>; none is kept below the grace period.</summary>
    private OrderedMultiset At(int epoch)
    {
        if (!_averages.TryGetValue(epoch, out var tree))
        {
            _averages[epoch] = tree = new OrderedMultiset();
        }

        return tree;
    }

    /// <summary>The distinct epochs of the first <paramref name="count"/> scores at or after the grace period.</summary>
    private HashSet<int> Epochs(List<EpochScore> scores, int count)
    {
        var epochs = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            if (scores[i].Epoch >= _options.GracePeriod)
            {
                epochs.Add(scores[i].Epoch);
            }
        }

        return epochs;
    }

    private static bool ReportedAt(List<EpochScore> scores, int count, int epoch)
    {
        for (var i = 0; i < count; i++)
        {
            if (scores[i].Epoch == epoch)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The mean of the first <paramref name="count"/> scores up to <paramref name="epoch"/>, summed in order (−∞ when one of them is −∞).</summary>
    private static double RunningAverage(List<EpochScore> scores, int count, int epoch)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (scores[i].Epoch <= epoch)
            {
                sum += scores[i].Score;
                n++;
            }
        }

        return n == 0 ? double.NegativeInfinity : sum / n;
    }
}
