using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// A positive real number whose logarithm is uniform in [log <paramref name="Low"/>, log <paramref name="High"/>]: every
/// decade is equally likely. JSON type <c>loguniform</c>.
/// </summary>
/// <param name="Low">The smallest value; greater than 0 and less than <paramref name="High"/>.</param>
/// <param name="High">The largest value; finite.</param>
public sealed record LogUniformFloatDomain(double Low, double High) : ParameterDomain
{
    /// <summary>The JSON type name.</summary>
    public const string Type = "loguniform";

    /// <inheritdoc />
    public override string TypeName => Type;

    /// <inheritdoc />
    public override bool IsDiscrete => false;

    /// <inheritdoc />
    public override long? PointCount => null;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        EnsureValid();
        var logLow = Math.Log(Low);
        var value = Math.Exp(logLow + (random.NextDouble() * (Math.Log(High) - logLow)));
        return ParameterValue.Of(Math.Clamp(value, Low, High));
    }

    /// <inheritdoc />
    public override ParameterValue Center
    {
        get
        {
            EnsureValid();
            return ParameterValue.Of(Math.Clamp(Math.Sqrt(Low) * Math.Sqrt(High), Low, High));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ParameterValue> Enumerate() =>
        throw new NotSupportedException("A loguniform domain is continuous; list its values with a choice domain.");

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Float && value.AsDouble() >= Low && value.AsDouble() <= High;

    /// <inheritdoc />
    public override IEnumerable<SpecError> Validate(string path) => FloatBounds.Validate(path, Low, High, log: true);
}
