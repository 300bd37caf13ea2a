using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>A constant. In JSON a bare value (<c>"epochs": 10</c>), or <c>{"type":"fixed","value":10}</c> when it has a condition.</summary>
/// <param name="Value">The value every trial gets.</param>
public sealed record FixedDomain(ParameterValue Value) : ParameterDomain
{
    /// <summary>The JSON type name.</summary>
    public const string Type = "fixed";

    /// <inheritdoc />
    public override string TypeName => Type;

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override long? PointCount => 1;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => Value;

    /// <inheritdoc />
    public override ParameterValue Center => Value;

    /// <inheritdoc />
    public override IEnumerable<ParameterValue> Enumerate() => [Value];

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) => Value.Equals(value);

    /// <inheritdoc />
    public override IEnumerable<SpecError> Validate(string path) => [];
}
