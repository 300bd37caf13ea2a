using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// One of listed values, each equally likely; also how explicit values for grid search are given. JSON type
/// <c>choice</c>: <c>{"type":"choice","values":[32,64,128]}</c>.
/// </summary>
public sealed record CategoricalDomain : ParameterDomain
{
    /// <summary>The JSON type name.</summary>
    public const string Type = "choice";

    /// <summary>Creates the domain; the values are copied.</summary>
    public CategoricalDomain(IEnumerable<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = [.. values];
    }

    /// <summary>The values, in the listed order; at least one, no two equal.</summary>
    public IReadOnlyList<ParameterValue> Values { get; }

    /// <inheritdoc />
    public override string TypeName => Type;

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override long? PointCount => Values.Count;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        EnsureValid();
        return Values[random.Next(Values.Count)];
    }

    /// <inheritdoc />
    public override ParameterValue Center
    {
        get
        {
            EnsureValid();
            return Values[0];
        }
    }

    /// <inheritdoc />
    public override IEnumerable<ParameterValue> Enumerate() => Values;

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) => Values.Contains(value);

    /// <inheritdoc />
    public override IEnumerable<SpecError> Validate(string path)
    {
        var valuesPath = JsonPaths.Property(path, "values");
        if (Values.Count == 0)
        {
            yield return new SpecError(valuesPath, "must list at least one value");
        }

        // One pass with the first index of each value: a long list costs its length, not its square.
        var firsts = new Dictionary<ParameterValue, int>(Values.Count);
        for (var i = 0; i < Values.Count; i++)
        {
            if (!firsts.TryAdd(Values[i], i))
            {
                yield return new SpecError(JsonPaths.Index(valuesPath, i), $"repeats {SpecText.Shorten(Values[i].ToString())} (values[{firsts[Values[i]]}])");
            }
        }
    }

    /// <summary>True when both list equal values in the same order.</summary>
    public bool Equals(CategoricalDomain? other) => other is not null && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
