namespace HyperTune.Search.Searchers.Tpe;

/// <summary>
/// A one-dimensional Parzen estimator over [low, high] (Bergstra et al., 2011, as in Optuna's TPE without
/// multivariate mode): a prior Gaussian at the middle with σ = high − low and weight <c>priorWeight</c>, plus one
/// Gaussian per observation with weight 1, each truncated to [low, high]. An observation's σ is the larger distance
/// to its neighbours (the bounds at the ends), clipped to [(high − low) / min(100, 1 + n), high − low] (Optuna's
/// "magic clip").
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _inverseSigma;
    private readonly double[] _cumulativeWeight;
    private readonly double[] _logCoefficient;

    /// <summary>Fits the estimator; <paramref name="observations"/> lie in [low, high].</summary>
    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        _low = low;
        _high = high;
        var n = observations.Count + 1;
        var prior = 0.5 * (low + high);
        var order = new double[n];
        for (var i = 0; i < observations.Count; i++)
        {
            order[i] = observations[i];
        }

        order[^1] = prior;
        Array.Sort(order);
        var priorIndex = Array.IndexOf(order, prior);
        var range = high - low;
        var minSigma = range / Math.Min(100.0, 1.0 + n);
        _mu = order;
        _sigma = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var left = order[i] - (i == 0 ? low : order[i - 1]);
            var right = (i == n - 1 ? high : order[i + 1]) - order[i];
            _sigma[i] = Math.Clamp(Math.Max(left, right), minSigma, range);
            weights[i] = 1;
        }

        _sigma[priorIndex] = range;
        _inverseSigma = [.. _sigma.Select(v => 1 / v)];
        weights[priorIndex] = priorWeight;
        var total = weights.Sum();
        _cumulativeWeight = new double[n];
        _logCoefficient = new double[n];
        var cumulative = 0.0;
        var (logObservationWeight, logPriorWeight) = (Math.Log(1 / total), Math.Log(priorWeight / total));
        for (var i = 0; i < n; i++)
        {
            var w = weights[i] / total;
            cumulative += w;
            _cumulativeWeight[i] = cumulative;
            var (upper, lower) = ((high - _mu[i]) / _sigma[i], (low - _mu[i]) / _sigma[i]);
            var logMass = upper > 8 && lower < -8
                ? 0 // all but 1e-15 of the component lies inside
                : Math.Log(Math.Max(NormalDistribution.Cdf(upper) - NormalDistribution.Cdf(lower), 1e-300));
            _logCoefficient[i] = (i == priorIndex ? logPriorWeight : logObservationWeight) - Math.Log(_sigma[i]) - NormalDistribution.HalfLogTwoPi - logMass;
        }
    }

    /// <summary>Draws a value in [low, high].</summary>
    public double Sample(Random random)
    {
        var u = random.NextDouble() * _cumulativeWeight[^1];
        var k = Array.BinarySearch(_cumulativeWeight, u);
        k = Math.Min(k < 0 ? ~k : k, _mu.Length - 1);
        var (mu, sigma) = (_mu[k], _sigma[k]);
        var a = NormalDistribution.Cdf((_low - mu) / sigma);
        var b = NormalDistribution.Cdf((_high - mu) / sigma);
        var p = a + (random.NextDouble() * (b - a));
        var x = b - a > 1e-12 ? mu + (sigma * NormalDistribution.InverseCdf(p)) : mu;
        return double.IsFinite(x) ? Math.Clamp(x, _low, _high) : Math.Clamp(mu, _low, _high);
    }

    /// <summary>
    /// The log density at <paramref name="x"/> (log-sum-exp over the components; components more than e^−40 below the
    /// largest are left out of the sum, which changes the result by less than 1e-16 relative per component).
    /// </summary>
    public double LogPdf(double x)
    {
        var n = _logCoefficient.Length;
        var terms = n <= 512 ? stackalloc double[n] : new double[n];
        var max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var z = (x - _mu[i]) * _inverseSigma[i];
            var t = _logCoefficient[i] - (0.5 * z * z);
            terms[i] = t;
            if (t > max)
            {
                max = t;
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var floor = max - 40;
        var sum = 0.0;
        foreach (var t in terms)
        {
            if (t > floor)
            {
                sum += Math.Exp(t - max);
            }
        }

        return max + Math.Log(sum);
    }
}
