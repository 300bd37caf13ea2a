using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>
/// How TPE models a numeric domain: the range [<see cref="Low"/>, <see cref="High"/>] in its internal scale (log for
/// log-uniform and log ints; ints widened by half a step each side so every grid value owns an equal cell) and the
/// way back to a value of the domain.
/// </summary>
internal sealed record NumericScale(double Low, double High, bool Log, IntDomain? Grid)
{
    /// <summary>The scale of a uniform, log-uniform or int domain.</summary>
    public static NumericScale Of(ParameterDomain domain) => domain switch
    {
        UniformFloatDomain u => new(u.Low, u.High, false, null),
        LogUniformFloatDomain l => new(Math.Log(l.Low), Math.Log(l.High), true, null),
        IntDomain { Log: true } i => new(Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), true, i),
        IntDomain i => new(i.Low - (0.5 * i.Step), i.High + (0.5 * i.Step), false, i),
        _ => throw new ArgumentException($"A {domain.TypeName} domain is not numeric.", nameof(domain)),
    };

    /// <summary>A value of the domain in the internal scale.</summary>
    public double ToInternal(double value) => Log ? Math.Log(value) : value;

    /// <summary>The domain value of an internal-scale point.</summary>
    public ParameterValue ToValue(double x)
    {
        var value = Log ? Math.Exp(x) : x;
        if (Grid is not { } grid)
        {
            var (low, high) = Log ? (Math.Exp(Low), Math.Exp(High)) : (Low, High);
            return ParameterValue.Of(Math.Clamp(value, low, high));
        }

        var steps = Math.Round((value - grid.Low) / grid.Step, MidpointRounding.AwayFromZero);
        var lastStep = (grid.High - grid.Low) / grid.Step;
        return ParameterValue.Of(grid.Low + ((long)Math.Clamp(steps, 0, lastStep) * grid.Step));
    }
}
