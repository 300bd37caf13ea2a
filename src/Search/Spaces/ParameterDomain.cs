using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>
/// The values a hyperparameter may take in a search space: <see cref="UniformFloatDomain"/>,
/// <see cref="LogUniformFloatDomain"/>, <see cref="IntDomain"/>, <see cref="CategoricalDomain"/> or
/// <see cref="FixedDomain"/>. Domains are immutable records with value equality. Constructors accept any bounds so
/// that a spec can report all its problems at once; <see cref="Validate"/> says what is wrong, and sampling an invalid
/// domain throws.
/// </summary>
public abstract record ParameterDomain
{
    private protected ParameterDomain()
    {
    }

    /// <summary>The <c>type</c> of the domain in the JSON form: uniform, loguniform, int, choice or fixed.</summary>
    public abstract string TypeName { get; }

    /// <summary>True when the values can be listed (int, choice, fixed), as grid search needs.</summary>
    public abstract bool IsDiscrete { get; }

    /// <summary>Draws one value.</summary>
    /// <exception cref="InvalidOperationException">The domain is invalid (see <see cref="Validate"/>).</exception>
    public abstract ParameterValue Sample(Random random);

    /// <summary>
    /// A typical value, for one representative config of a space (the learning-rate range test's model): the midpoint
    /// of a uniform range, the geometric mean of a log-uniform one, the int nearest the middle on the step grid (the
    /// geometric middle on a log scale), the first choice, or the fixed value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The domain is invalid (see <see cref="Validate"/>).</exception>
    public abstract ParameterValue Center { get; }

    /// <summary>Every value of a discrete domain, in a fixed order (listed order; ints ascending).</summary>
    /// <exception cref="NotSupportedException">The domain is continuous.</exception>
    public abstract IEnumerable<ParameterValue> Enumerate();

    /// <summary>The number of values of a discrete domain; null for a continuous one.</summary>
    public abstract long? PointCount { get; }

    /// <summary>True when <paramref name="value"/> is one the domain can produce.</summary>
    public abstract bool Contains(ParameterValue value);

    /// <summary>The domain's own problems (bounds, step, empty lists), with paths under <paramref name="path"/>.</summary>
    public abstract IEnumerable<SpecError> Validate(string path);

    /// <summary>Throws when the domain is invalid.</summary>
    private protected void EnsureValid()
    {
        var error = Validate(JsonPaths.Root).FirstOrDefault();
        if (error is not null)
        {
            throw new InvalidOperationException($"Cannot sample an invalid {TypeName} domain: {error.Message}");
        }
    }
}
