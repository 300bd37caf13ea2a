using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Values;

/// <summary>
/// The hyperparameters of one trial: an immutable map from name to <see cref="ParameterValue"/>, ordered by name
/// (ordinal), with value equality. Only active parameters are present; the engine uses catalog defaults for the rest.
/// </summary>
/// <remarks>
/// JSON form: an object, e.g. <c>{"batch_size":64,"learning_rate":0.001,"optimizer":"adam"}</c>. Numbers of names the
/// <see cref="Hyperparameters.HyperparameterCatalog"/> knows take the catalog's type (see <see cref="CatalogCoercion"/>).
/// </remarks>
[JsonConverter(typeof(TrialConfigJsonConverter))]
public sealed class TrialConfig : IReadOnlyDictionary<string, ParameterValue>, IEquatable<TrialConfig>
{
    private static readonly JsonSerializerOptions JsonOptions = new();
    private readonly ImmutableSortedDictionary<string, ParameterValue> _values;
    private IReadOnlyDictionary<string, object>? _objects;

    private TrialConfig(ImmutableSortedDictionary<string, ParameterValue> values) => _values = values;

    /// <summary>Creates a config from name/value pairs.</summary>
    /// <exception cref="ArgumentException">A name is empty or appears twice.</exception>
    public TrialConfig(IEnumerable<KeyValuePair<string, ParameterValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(values));
            if (!builder.TryAdd(name, value))
            {
                throw new ArgumentException($"The hyperparameter '{name}' appears twice.", nameof(values));
            }
        }

        _values = builder.ToImmutable();
    }

    /// <summary>The config with no hyperparameters.</summary>
    public static TrialConfig Empty { get; } = new(ImmutableSortedDictionary.Create<string, ParameterValue>(StringComparer.Ordinal));

    /// <summary>The number of hyperparameters.</summary>
    public int Count => _values.Count;

    /// <summary>The names, in ordinal order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The values, in the order of their names.</summary>
    public IEnumerable<ParameterValue> Values => _values.Values;

    /// <summary>The value of a hyperparameter.</summary>
    /// <exception cref="KeyNotFoundException">The config has no such hyperparameter.</exception>
    public ParameterValue this[string key] => _values[key];

    /// <summary>Builds a config from CLR values (see <see cref="ParameterValue.FromObject"/>); the inverse of <see cref="ToDictionary"/>.</summary>
    public static TrialConfig FromDictionary(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TrialConfig(values.Select(p => KeyValuePair.Create(p.Key, ParameterValue.FromObject(p.Value))));
    }

    /// <summary>Reads the JSON form.</summary>
    /// <exception cref="JsonException">The JSON is not an object of numbers, strings and bools.</exception>
    public static TrialConfig FromJson(string json) =>
        JsonSerializer.Deserialize<TrialConfig>(json, JsonOptions) ?? throw new JsonException("A trial config must be a JSON object, not null.");

    /// <summary>The JSON form (compact, names in order).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public TrialConfig With(string name, ParameterValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(_values.SetItem(name, value));
    }

    /// <summary>A copy without <paramref name="name"/>.</summary>
    public TrialConfig Without(string name) => new(_values.Remove(name));

    /// <summary>
    /// The values as boxed <see cref="double"/>, <see cref="long"/>, <see cref="string"/> or <see cref="bool"/>, which is
    /// what the training engine binds from. Ordinal keys, in name order.
    /// </summary>
    public IReadOnlyDictionary<string, object> ToDictionary() =>
        _objects ??= _values.ToImmutableSortedDictionary(p => p.Key, p => p.Value.ToObject(), StringComparer.Ordinal);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ParameterValue value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ParameterValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both configs hold the same names with equal values.</summary>
    public bool Equals(TrialConfig? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && _values.All(p => other._values.TryGetValue(p.Key, out var v) && v.Equals(p.Value))));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TrialConfig);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in _values)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compact text such as <c>{batch_size=64, optimizer=adam}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}")) + "}";
}
