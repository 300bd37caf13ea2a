using System.Globalization;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// A whole number among <paramref name="Low"/>, <paramref name="Low"/> + <paramref name="Step"/>, … up to
/// <paramref name="High"/> (inclusive). Drawn uniformly over those points, or, with <paramref name="Log"/>, uniformly in
/// log space (each value <c>v</c> gets the log-width of [v − ½, v + ½]). JSON type <c>int</c>.
/// </summary>
/// <param name="Low">The smallest value; less than <paramref name="High"/>; at least 1 when <paramref name="Log"/>.</param>
/// <param name="High">The largest value (reached only when High − Low is a multiple of Step).</param>
/// <param name="Step">The spacing of values; at least 1; exactly 1 when <paramref name="Log"/>. Default 1.</param>
/// <param name="Log">Draw on a log scale. Default false.</param>
public sealed record IntDomain(long Low, long High, long Step = 1, bool Log = false) : ParameterDomain
{
    /// <summary>The JSON type name.</summary>
    public const string Type = "int";

    /// <inheritdoc />
    public override string TypeName => Type;

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override long? PointCount => Step >= 1 && High >= Low ? (long)Math.Min(Points, long.MaxValue) : 0;

    private ulong Points => (unchecked((ulong)(High - Low)) / (ulong)Step) + 1;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        EnsureValid();
        if (Log)
        {
            var logLow = Math.Log(Low - 0.5);
            var x = Math.Exp(logLow + (random.NextDouble() * (Math.Log(High + 0.5) - logLow)));
            return ParameterValue.Of(Math.Clamp((long)Math.Round(x, MidpointRounding.AwayFromZero), Low, High));
        }

        var k = random.NextInt64((long)Math.Min(Points, long.MaxValue));
        return ParameterValue.Of(unchecked(Low + (k * Step)));
    }

    /// <inheritdoc />
    public override ParameterValue Center
    {
        get
        {
            EnsureValid();
            if (Log)
            {
                return ParameterValue.Of(Math.Clamp((long)Math.Round(Math.Sqrt((double)Low * High), MidpointRounding.AwayFromZero), Low, High));
            }

            var k = (long)Math.Round((Points - 1) / 2.0, MidpointRounding.ToZero);
            return ParameterValue.Of(unchecked(Low + (k * Step)));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ParameterValue> Enumerate()
    {
        if (Step < 1)
        {
            yield break;
        }

        for (var v = Low; v <= High; v += Step)
        {
            yield return ParameterValue.Of(v);
            if (v > long.MaxValue - Step)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Int
        && value.AsInt64() >= Low
        && value.AsInt64() <= High
        && Step >= 1
        && unchecked((ulong)(value.AsInt64() - Low)) % (ulong)Step == 0;

    /// <inheritdoc />
    public override IEnumerable<SpecError> Validate(string path)
    {
        if (Step < 1)
        {
            yield return new SpecError(JsonPaths.Property(path, "step"), $"must be at least 1, not {Step.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (Log && Step != 1)
        {
            yield return new SpecError(JsonPaths.Property(path, "step"), "must be 1 on a log scale");
        }

        if (Log && Low < 1)
        {
            yield return new SpecError(JsonPaths.Property(path, "low"), $"must be at least 1 on a log scale, not {Low.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Low >= High)
        {
            yield return new SpecError(
                JsonPaths.Property(path, "low"),
                string.Create(CultureInfo.InvariantCulture, $"must be less than high ({High}), not {Low}; use a fixed value for a single one"));
        }
    }
}
