using System.Collections.Immutable;

namespace HyperTune.Search.RangeTest;

/// <summary>
/// Analyses a learning-rate range test as it runs: feed it each step's loss with <see cref="Add"/> (it says when to
/// stop), then take the <see cref="Result"/>.
/// </summary>
/// <remarks>
/// Method (fastai's <c>lr_find</c>):
/// <list type="number">
/// <item>Smooth: a_i = β·a_(i−1) + (1 − β)·loss_i, smoothed_i = a_i / (1 − β^(i+1)) (bias-corrected, β = 0.98).</item>
/// <item>Stop: at the first NaN or infinite loss, or once smoothed_i &gt; 4 × the best smoothed loss so far.</item>
/// <item>Suggest: among the points before the stop, from <see cref="LearningRateRangeTestOptions.SkipStart"/> on, up
/// to the lowest smoothed loss and at most up to <see cref="LearningRateRangeTestOptions.SkipEnd"/> points before the
/// stop, the learning rate where the smoothed loss falls fastest per decade (the most negative central difference of
/// smoothed loss against log10 lr). With fewer than 3 such points: the minimum's learning rate / 10.</item>
/// <item>Bounds: [suggestion / 10, min(suggestion · 10, the minimum's learning rate)], within the ramp.</item>
/// </list>
/// </remarks>
public sealed class LearningRateRangeAnalyzer
{
    private readonly LearningRateRangeTestOptions _options;
    private readonly ImmutableArray<RangeTestPoint>.Builder _points = ImmutableArray.CreateBuilder<RangeTestPoint>();
    private double _average;
    private double _best = double.PositiveInfinity;
    private RangeTestStopReason? _stop;

    /// <summary>Creates an analyzer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public LearningRateRangeAnalyzer(LearningRateRangeTestOptions? options = null)
    {
        _options = options ?? new LearningRateRangeTestOptions();
        _options.Validate();
    }

    /// <summary>True once the test should stop (a stop rule fired or the ramp is done).</summary>
    public bool IsDone => _stop is not null || _points.Count >= _options.Steps;

    /// <summary>The learning rate of the next step.</summary>
    public double NextLearningRate => _options.LearningRateAt(_points.Count);

    /// <summary>The points so far.</summary>
    public IReadOnlyList<RangeTestPoint> Points => _points;

    /// <summary>Analyses a whole recorded ramp of (learning rate, loss) steps.</summary>
    public static RangeTestResult Analyze(IEnumerable<(double LearningRate, double Loss)> steps, LearningRateRangeTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var analyzer = new LearningRateRangeAnalyzer(options);
        foreach (var (learningRate, loss) in steps)
        {
            if (!analyzer.Add(learningRate, loss))
            {
                break;
            }
        }

        return analyzer.Result();
    }

    /// <summary>Records a step's loss; false when the test should stop now.</summary>
    /// <exception cref="InvalidOperationException">The test is already done.</exception>
    public bool Add(double learningRate, double loss)
    {
        if (IsDone)
        {
            throw new InvalidOperationException("The range test is done.");
        }

        var step = _points.Count;
        double smoothed;
        if (double.IsFinite(loss))
        {
            _average = (_options.SmoothingBeta * _average) + ((1 - _options.SmoothingBeta) * loss);
            smoothed = _average / (1 - Math.Pow(_options.SmoothingBeta, step + 1));
        }
        else
        {
            smoothed = double.NaN;
            _stop = RangeTestStopReason.NonFinite;
        }

        _points.Add(new RangeTestPoint(step, learningRate, loss, smoothed));
        if (_stop is null && step > 0 && smoothed > _options.DivergenceFactor * _best)
        {
            _stop = RangeTestStopReason.Diverged;
        }

        if (_stop is null)
        {
            _best = Math.Min(_best, smoothed);
        }

        return !IsDone;
    }

    /// <summary>The result so far (normally called once <see cref="IsDone"/>).</summary>
    /// <exception cref="InvalidOperationException">No finite loss was recorded.</exception>
    public RangeTestResult Result()
    {
        var points = _points.ToImmutable();
        var usable = _stop is null ? points.Length : points.Length - 1;
        if (usable < 1)
        {
            throw new InvalidOperationException("The range test recorded no finite loss.");
        }

        var minimum = 0;
        for (var i = 1; i < usable; i++)
        {
            if (points[i].SmoothedLoss < points[minimum].SmoothedLoss)
            {
                minimum = i;
            }
        }

        var first = Math.Min(_options.SkipStart, minimum);
        var last = Math.Min(minimum, usable - 1 - _options.SkipEnd);
        string method;
        double suggestion;
        if (last - first + 1 >= 3)
        {
            var steepest = first;
            var steepestSlope = double.PositiveInfinity;
            for (var i = first; i <= last; i++)
            {
                var (a, b) = (Math.Max(i - 1, first), Math.Min(i + 1, last));
                var slope = (points[b].SmoothedLoss - points[a].SmoothedLoss)
                    / (Math.Log10(points[b].LearningRate) - Math.Log10(points[a].LearningRate));
                if (slope < steepestSlope)
                {
                    (steepest, steepestSlope) = (i, slope);
                }
            }

            suggestion = points[steepest].LearningRate;
            method = "steepest";
        }
        else
        {
            suggestion = Math.Max(points[minimum].LearningRate / 10, _options.StartLearningRate);
            method = "minimum/10";
        }

        var minimumRate = points[minimum].LearningRate;
        var low = Math.Max(suggestion / 10, _options.StartLearningRate);
        var high = Math.Min(Math.Max(Math.Min(suggestion * 10, minimumRate), suggestion), _options.EndLearningRate);
        if (high <= low)
        {
            high = Math.Min(low * 10, _options.EndLearningRate);
        }

        return new RangeTestResult
        {
            Points = points,
            StopReason = _stop ?? RangeTestStopReason.Completed,
            SuggestedLearningRate = suggestion,
            MinimumLossLearningRate = minimumRate,
            SearchLow = low,
            SearchHigh = high,
            Method = method,
        };
    }
}
