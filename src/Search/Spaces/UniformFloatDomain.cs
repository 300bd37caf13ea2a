using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>A real number drawn uniformly from [<paramref name="Low"/>, <paramref name="High"/>]. JSON type <c>uniform</c>.</summary>
/// <param name="Low">The smallest value; finite and less than <paramref name="High"/>.</param>
/// <param name="High">The largest value; finite.</param>
public sealed record UniformFloatDomain(double Low, double High) : ParameterDomain
{
    /// <summary>The JSON type name.</summary>
    public const string Type = "uniform";

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
        var value = Low + (random.NextDouble() * (High - Low));
        return ParameterValue.Of(Math.Clamp(value, Low, High));
    }

    /// <inheritdoc />
    public override ParameterValue Center
    {
        get
        {
            EnsureValid();
            return ParameterValue.Of(Low + ((High - Low) / 2));
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ParameterValue> Enumerate() =>
        throw new NotSupportedException("A uniform domain is continuous; list its values with a choice domain.");

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Float && value.AsDouble() >= Low && value.AsDouble() <= High;

    /// <inheritdoc />
    public override IEnumerable<SpecError> Validate(string path) => FloatBounds.Validate(path, Low, High, log: false);
}
