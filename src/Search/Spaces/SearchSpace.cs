using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// The hyperparameters a study searches over: parameters ordered by name, each with a domain and an optional condition.
/// Immutable with value equality. Structural problems (bad bounds, unknown parents, cycles) are reported by
/// <see cref="Validate"/>; checks against the engine's catalog belong to <see cref="StudySpecValidator"/>.
/// </summary>
public sealed class SearchSpace : IEquatable<SearchSpace>
{
    private readonly Dictionary<string, SearchParameter> _byName;
    private readonly Lazy<IReadOnlyList<SpecError>> _errors;
    private readonly Lazy<IReadOnlyList<SearchParameter>> _order;

    /// <summary>Creates a space.</summary>
    /// <exception cref="ArgumentException">A name is empty or appears twice.</exception>
    public SearchSpace(IEnumerable<SearchParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _byName = new Dictionary<string, SearchParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter);
            ArgumentException.ThrowIfNullOrEmpty(parameter.Name, nameof(parameters));
            if (!_byName.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"The parameter '{parameter.Name}' appears twice.", nameof(parameters));
            }
        }

        Parameters = [.. _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        _errors = new Lazy<IReadOnlyList<SpecError>>(() => [.. SearchSpaceStructure.Validate(this, "$.search_space")]);
        _order = new Lazy<IReadOnlyList<SearchParameter>>(() => SearchSpaceStructure.SamplingOrder(this));
    }

    /// <summary>The space with no parameters: every trial gets the engine defaults.</summary>
    public static SearchSpace Empty { get; } = new([]);

    /// <summary>The parameters, ordered by name (ordinal).</summary>
    public IReadOnlyList<SearchParameter> Parameters { get; }

    /// <summary>The number of parameters.</summary>
    public int Count => Parameters.Count;

    /// <summary>
    /// The parameters with every parent before its children: by the length of the condition chain, then by name.
    /// Sampling and grid enumeration use this order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The space is invalid.</exception>
    public IReadOnlyList<SearchParameter> SamplingOrder
    {
        get
        {
            EnsureValid();
            return _order.Value;
        }
    }

    /// <summary>Finds a parameter by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SearchParameter? parameter) =>
        _byName.TryGetValue(name, out parameter);

    /// <summary>A copy with <paramref name="parameter"/> added, or replacing the one of the same name.</summary>
    public SearchSpace With(SearchParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new(Parameters.Where(p => p.Name != parameter.Name).Append(parameter));
    }

    /// <summary>
    /// Every structural problem, with JSON paths under <paramref name="path"/>: invalid domains, conditions on unknown
    /// or continuous parents, condition values outside the parent's domain, and cycles.
    /// </summary>
    public IReadOnlyList<SpecError> Validate(string path = "$.search_space") =>
        path == "$.search_space" ? _errors.Value : [.. SearchSpaceStructure.Validate(this, path)];

    /// <summary>True when the parameter exists in a config holding <paramref name="config"/> so far (parents first).</summary>
    public static bool IsActive(SearchParameter parameter, IReadOnlyDictionary<string, ParameterValue> config)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.When is null || parameter.When.IsSatisfiedBy(config);
    }

    /// <summary>Draws one config holding exactly the active parameters.</summary>
    /// <exception cref="InvalidOperationException">The space is invalid.</exception>
    public TrialConfig Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var config = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in SamplingOrder)
        {
            if (IsActive(parameter, config))
            {
                config[parameter.Name] = parameter.Domain.Sample(random);
            }
        }

        return new TrialConfig(config);
    }

    /// <summary>
    /// The space's representative config: every active parameter at its domain's <see cref="ParameterDomain.Center"/>
    /// (conditions are judged on the centre values).
    /// </summary>
    /// <exception cref="InvalidOperationException">The space is invalid.</exception>
    public TrialConfig Center()
    {
        var config = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in SamplingOrder)
        {
            if (IsActive(parameter, config))
            {
                config[parameter.Name] = parameter.Domain.Center;
            }
        }

        return new TrialConfig(config);
    }

    /// <summary>True when both hold equal parameters.</summary>
    public bool Equals(SearchSpace? other) => other is not null && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SearchSpace);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var parameter in Parameters)
        {
            hash.Add(parameter);
        }

        return hash.ToHashCode();
    }

    /// <summary>The parameter names and domain types.</summary>
    public override string ToString() => "{" + string.Join(", ", Parameters.Select(p => $"{p.Name}: {p.Domain.TypeName}")) + "}";

    private void EnsureValid()
    {
        if (_errors.Value.Count > 0)
        {
            throw new InvalidOperationException("The search space is invalid: " + string.Join("; ", _errors.Value));
        }
    }
}
