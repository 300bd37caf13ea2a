using System.Globalization;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Values;

/// <summary>
/// One hyperparameter value: a double, a long, a string or a bool. Immutable, with value equality; values of different
/// kinds are never equal (<c>1</c> is not <c>1.0</c>). <c>default</c> is the float 0.
/// </summary>
/// <remarks>
/// Text is always invariant-culture: <see cref="ToString"/> gives <c>0.001</c>, <c>64</c>, <c>adam</c>, <c>true</c>.
/// In JSON a float is always written with a fraction or exponent (<c>1.0</c>, not <c>1</c>) so that it reads back as a float.
/// </remarks>
[JsonConverter(typeof(ParameterValueJsonConverter))]
public readonly record struct ParameterValue
{
    private readonly double _float;
    private readonly long _int;
    private readonly string? _string;

    private ParameterValue(ParameterValueKind kind, double floatValue, long intValue, string? stringValue)
    {
        Kind = kind;
        _float = floatValue;
        _int = intValue;
        _string = stringValue;
    }

    /// <summary>The type of the value.</summary>
    public ParameterValueKind Kind { get; }

    /// <summary>True for a float or an int.</summary>
    public bool IsNumber => Kind is ParameterValueKind.Float or ParameterValueKind.Int;

    /// <summary>A float value.</summary>
    public static ParameterValue Of(double value) => new(ParameterValueKind.Float, value, 0, null);

    /// <summary>An int value.</summary>
    public static ParameterValue Of(long value) => new(ParameterValueKind.Int, 0, value, null);

    /// <summary>A string value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ParameterValue Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ParameterValueKind.String, 0, 0, value);
    }

    /// <summary>A bool value.</summary>
    public static ParameterValue Of(bool value) => new(ParameterValueKind.Bool, 0, value ? 1 : 0, null);

    /// <summary>
    /// Converts a CLR value: double/float/decimal become floats, long/int/short/byte (and unsigned types that fit) become
    /// ints, strings and bools keep their kind. The inverse of <see cref="ToObject"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value has another type.</exception>
    public static ParameterValue FromObject(object value) => value switch
    {
        ParameterValue p => p,
        double d => Of(d),
        float f => Of((double)f),
        decimal m => Of((double)m),
        long l => Of(l),
        int i => Of((long)i),
        short s => Of((long)s),
        byte b => Of((long)b),
        sbyte sb => Of((long)sb),
        ushort us => Of((long)us),
        uint ui => Of((long)ui),
        ulong ul when ul <= long.MaxValue => Of((long)ul),
        string s => Of(s),
        bool b => Of(b),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new ArgumentException($"A hyperparameter value must be a number, a string or a bool, not {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The float (or the int as a double) of a number.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsDouble() => Kind switch
    {
        ParameterValueKind.Float => _float,
        ParameterValueKind.Int => _int,
        _ => throw WrongKind("a number"),
    };

    /// <summary>The int.</summary>
    /// <exception cref="InvalidOperationException">The value is not an int.</exception>
    public long AsInt64() => Kind == ParameterValueKind.Int ? _int : throw WrongKind("an int");

    /// <summary>The string.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString() => Kind == ParameterValueKind.String ? _string! : throw WrongKind("a string");

    /// <summary>The bool.</summary>
    /// <exception cref="InvalidOperationException">The value is not a bool.</exception>
    public bool AsBool() => Kind == ParameterValueKind.Bool ? _int != 0 : throw WrongKind("a bool");

    /// <summary>The boxed double, long, string or bool; what the training engine binds from.</summary>
    public object ToObject() => Kind switch
    {
        ParameterValueKind.Float => _float,
        ParameterValueKind.Int => _int,
        ParameterValueKind.String => _string!,
        _ => _int != 0,
    };

    /// <summary>Invariant-culture text: <c>0.001</c>, <c>64</c>, <c>adam</c>, <c>true</c>.</summary>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        ParameterValueKind.Int => _int.ToString(CultureInfo.InvariantCulture),
        ParameterValueKind.String => _string!,
        _ => _int != 0 ? "true" : "false",
    };

    /// <summary>A float value.</summary>
    public static implicit operator ParameterValue(double value) => Of(value);

    /// <summary>An int value.</summary>
    public static implicit operator ParameterValue(long value) => Of(value);

    /// <summary>An int value.</summary>
    public static implicit operator ParameterValue(int value) => Of((long)value);

    /// <summary>A string value.</summary>
    public static implicit operator ParameterValue(string value) => Of(value);

    /// <summary>A bool value.</summary>
    public static implicit operator ParameterValue(bool value) => Of(value);

    private InvalidOperationException WrongKind(string expected) =>
        new($"The value {ToString()} is {Kind.ToString().ToLowerInvariant()}, not {expected}.");
}
