using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Values;

/// <summary>Reads and writes a <see cref="TrialConfig"/> as a JSON object of numbers, strings and bools.</summary>
public sealed class TrialConfigJsonConverter : JsonConverter<TrialConfig>
{
    /// <inheritdoc />
    public override TrialConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A trial config must be a JSON object, not {reader.TokenType}.");
        }

        var values = new List<KeyValuePair<string, ParameterValue>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = CatalogCoercion.Coerce(name, ParameterValueJsonConverter.ReadValue(ref reader));
            values.Add(KeyValuePair.Create(name, value));
        }

        try
        {
            return new TrialConfig(values);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TrialConfig value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, parameter) in value)
        {
            writer.WritePropertyName(name);
            ParameterValueJsonConverter.WriteValue(writer, parameter);
        }

        writer.WriteEndObject();
    }
}
