namespace HyperTune.Search.Searchers.Tpe;

/// <summary>The standard normal distribution's CDF and inverse CDF, portable (no platform math beyond exp and log).</summary>
internal static class NormalDistribution
{
    /// <summary>½·ln(2π).</summary>
    public const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>Φ(x), through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) for p in (0, 1) (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double InverseCdf(double p)
    {
        const double Tail = 0.02425;
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        if (p > 1 - Tail)
        {
            return -InverseCdf(1 - p);
        }

        if (p < Tail)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Polynomial(C, q) / ((Polynomial(D, q) * q) + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return Polynomial(A, s) * r / ((Polynomial(B, s) * s) + 1);
    }

    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>c0·x^(n−1) + … + c(n−1) by Horner's rule.</summary>
    private static double Polynomial(double[] coefficients, double x)
    {
        var result = 0.0;
        foreach (var c in coefficients)
        {
            result = (result * x) + c;
        }

        return result;
    }

    /// <summary>Coefficients of the erfc fit, highest power first.</summary>
    private static readonly double[] E = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var r = t * Math.Exp(-(z * z) + Polynomial(E, t));
        return x >= 0 ? r : 2 - r;
    }
}
