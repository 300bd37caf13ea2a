using Orleans.Serialization;

namespace HyperTune.Abstractions.Serialization;

/// <summary>
/// Serialization shared by silos and clients: the search project's value types (trial configs, dataset specs) are
/// plain .NET records with System.Text.Json support, so Orleans carries them as JSON.
/// </summary>
public static class HyperTuneSerialization
{
    /// <summary>Adds the serializers HyperTune's messages need.</summary>
    public static ISerializerBuilder AddHyperTuneSerializers(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: IsSearchType);

    private static bool IsSearchType(Type type) =>
        type.Namespace is { } name && name.StartsWith("HyperTune.Search", StringComparison.Ordinal);
}
