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
        weights[priorIndex] = priorWeight;
        var total = weights.Sum();
        _cumulativeWeight = new double[n];
        _logCoefficient = new double[n];
        var cumulative = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = weights[i] / total;
            cumulative += w;
            _cumulativeWeight[i] = cumulative;
            var mass = NormalDistribution.Cdf((high - _mu[i]) / _sigma[i]) - NormalDistribution.Cdf((low - _mu[i]) / _sigma[i]);
            _logCoefficient[i] = Math.Log(w) - Math.Log(_sigma[i]) - NormalDistribution.HalfLogTwoPi - Math.Log(Math.Max(mass, 1e-300));
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

    /// <summary>The log density at <paramref name="x"/> (log-sum-exp over the components).</summary>
    public double LogPdf(double x)
    {
        var max = double.NegativeInfinity;
        var terms = _logCoefficient.Length <= 256 ? stackalloc double[_logCoefficient.Length] : new double[_logCoefficient.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var z = (x - _mu[i]) / _sigma[i];
            terms[i] = _logCoefficient[i] - (0.5 * z * z);
            max = Math.Max(max, terms[i]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var t in terms)
        {
            sum += Math.Exp(t - max);
        }

        return max + Math.Log(sum);
    }
}
