using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// Makes a parameter exist only when its parent is active and takes one of <see cref="Values"/>, e.g. <c>gamma</c>
/// only when <c>schedule</c> ∈ {step, exponential}. Conditions chain: a parent may itself be conditional. JSON form
/// <c>"when": {"schedule": ["step", "exponential"]}</c>.
/// </summary>
public sealed record ParameterCondition
{
    /// <summary>Creates a condition; the values are copied.</summary>
    public ParameterCondition(string parent, IEnumerable<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(values);
        Parent = parent;
        Values = [.. values];
    }

    /// <summary>The name of the parent parameter.</summary>
    public string Parent { get; }

    /// <summary>The parent values that make the parameter exist; each must be in the parent's domain.</summary>
    public IReadOnlyList<ParameterValue> Values { get; }

    /// <summary>True when <paramref name="config"/> holds the parent with one of <see cref="Values"/>.</summary>
    public bool IsSatisfiedBy(IReadOnlyDictionary<string, ParameterValue> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.TryGetValue(Parent, out var value) && Values.Contains(value);
    }

    /// <summary>True when both name the same parent and list equal values in the same order.</summary>
    public bool Equals(ParameterCondition? other) =>
        other is not null && string.Equals(Parent, other.Parent, StringComparison.Ordinal) && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Parent, StringComparer.Ordinal);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary><c>parent ∈ {a, b}</c>.</summary>
    public override string ToString() => $"{Parent} in {{{string.Join(", ", Values)}}}";
}
