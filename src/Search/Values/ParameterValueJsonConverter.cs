using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Values;

/// <summary>
/// Reads and writes a <see cref="ParameterValue"/> as a JSON number, string or bool. A number with a fraction or an
/// exponent reads as a float, any other number as an int; floats are written so that they read back as floats.
/// </summary>
public sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    /// <inheritdoc />
    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options) =>
        WriteValue(writer, value);

    /// <summary>Reads the value at the reader's current token.</summary>
    /// <exception cref="JsonException">The token is not a number, string or bool.</exception>
    internal static ParameterValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ParameterValue.Of(reader.GetString()!);
            case JsonTokenType.True:
                return ParameterValue.Of(true);
            case JsonTokenType.False:
                return ParameterValue.Of(false);
            case JsonTokenType.Number:
                ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                var isInteger = raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
                if (isInteger && reader.TryGetInt64(out var l))
                {
                    return ParameterValue.Of(l);
                }

                return reader.TryGetDouble(out var d) && double.IsFinite(d)
                    ? ParameterValue.Of(d)
                    : throw new JsonException("A hyperparameter value must be a finite number.");
            default:
                throw new JsonException($"A hyperparameter value must be a number, a string or a bool, not {reader.TokenType}.");
        }
    }

    /// <summary>Reads a value from a JSON element; false when the element is not a finite number, a string or a bool.</summary>
    internal static bool TryReadValue(JsonElement element, out ParameterValue value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = ParameterValue.Of(element.GetString()!);
                return true;
            case JsonValueKind.True:
                value = ParameterValue.Of(true);
                return true;
            case JsonValueKind.False:
                value = ParameterValue.Of(false);
                return true;
            case JsonValueKind.Number:
                if (element.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out var l))
                {
                    value = ParameterValue.Of(l);
                    return true;
                }

                var finite = element.TryGetDouble(out var d) && double.IsFinite(d);
                value = finite ? ParameterValue.Of(d) : default;
                return finite;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Writes a value; a float always carries a fraction or exponent.</summary>
    /// <exception cref="JsonException">The value is a float that is NaN or infinite.</exception>
    internal static void WriteValue(Utf8JsonWriter writer, ParameterValue value)
    {
        switch (value.Kind)
        {
            case ParameterValueKind.Float:
                var d = value.AsDouble();
                if (!double.IsFinite(d))
                {
                    throw new JsonException($"The float {value} has no JSON form.");
                }

                var text = d.ToString("R", CultureInfo.InvariantCulture);
                if (text.AsSpan().IndexOfAny(".eE") < 0)
                {
                    text += ".0";
                }

                writer.WriteRawValue(text, skipInputValidation: true);
                break;
            case ParameterValueKind.Int:
                writer.WriteNumberValue(value.AsInt64());
                break;
            case ParameterValueKind.String:
                writer.WriteStringValue(value.AsString());
                break;
            default:
                writer.WriteBooleanValue(value.AsBool());
                break;
        }
    }
}
