using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// The options of a searcher or scheduler as they stand in a spec: snake_case names mapped to raw JSON values,
/// immutable, with value equality. Each algorithm binds them to its own options class with <see cref="Bind{TOptions}"/>,
/// so a new algorithm brings new options without changing the spec types.
/// </summary>
public sealed class AlgorithmOptions : IReadOnlyDictionary<string, JsonElement>, IEquatable<AlgorithmOptions>
{
    private readonly ImmutableSortedDictionary<string, JsonElement> _values;

    /// <summary>Creates options from name/value pairs; the values are cloned.</summary>
    /// <exception cref="ArgumentException">A name appears twice.</exception>
    public AlgorithmOptions(IEnumerable<KeyValuePair<string, JsonElement>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!builder.TryAdd(name, value.Clone()))
            {
                throw new ArgumentException($"The option '{name}' appears twice.", nameof(values));
            }
        }

        _values = builder.ToImmutable();
    }

    /// <summary>No options: every option takes its default.</summary>
    public static AlgorithmOptions Empty { get; } = new([]);

    /// <summary>The number of options given.</summary>
    public int Count => _values.Count;

    /// <summary>The option names, in ordinal order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The option values, in the order of their names.</summary>
    public IEnumerable<JsonElement> Values => _values.Values;

    /// <summary>The raw value of an option.</summary>
    public JsonElement this[string key] => _values[key];

    /// <summary>
    /// The options of a typed options object, e.g. <c>new GridSearcherOptions { Shuffle = true }</c>: its properties in
    /// snake_case, nulls left out. Null gives <see cref="Empty"/>.
    /// </summary>
    public static AlgorithmOptions FromObject(object? options)
    {
        if (options is null)
        {
            return Empty;
        }

        using var document = JsonSerializer.SerializeToDocument(options, options.GetType(), OptionsBinder.SerializerOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Options must serialize to a JSON object.", nameof(options));
        }

        return new(document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)));
    }

    /// <summary>
    /// Binds the options to <typeparamref name="TOptions"/> (snake_case property names; defaults for options not
    /// given) and validates its data annotations. Every problem is added to <paramref name="errors"/> with a path under
    /// <paramref name="path"/>; the result is null when there was one.
    /// </summary>
    public TOptions? Bind<TOptions>(string path, ICollection<SpecError> errors)
        where TOptions : class, new() => OptionsBinder.Bind<TOptions>(this, path, errors);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both hold the same names with structurally equal JSON values.</summary>
    public bool Equals(AlgorithmOptions? other) =>
        other is not null
        && Count == other.Count
        && _values.All(p => other._values.TryGetValue(p.Key, out var v) && JsonElement.DeepEquals(p.Value, v));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AlgorithmOptions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var name in _values.Keys)
        {
            hash.Add(name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The options as a compact JSON object.</summary>
    public override string ToString() =>
        "{" + string.Join(",", _values.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value.GetRawText())) + "}";
}
