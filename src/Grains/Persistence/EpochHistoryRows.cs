using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyperTune.Abstractions.Trials;
using HyperTune.Storage.History;

namespace HyperTune.Grains.Persistence;

/// <summary>Maps a trial's <see cref="EpochMetrics"/> to and from the rows of an <see cref="ITrialHistoryStore"/>.</summary>
public static class EpochHistoryRows
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The row of <paramref name="epoch"/> of trial <paramref name="trialId"/> (metrics as a JSON object; NaN and ∞ as strings).</summary>
    public static TrialHistoryRow ToRow(string trialId, EpochMetrics epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        return new TrialHistoryRow(
            trialId, epoch.Epoch, epoch.Step, epoch.LearningRate, epoch.DurationSeconds, epoch.ReportedAt,
            JsonSerializer.Serialize(epoch.Metrics, Json));
    }

    /// <summary>The epoch a row holds.</summary>
    public static EpochMetrics ToEpochMetrics(TrialHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(row.MetricsJson, Json) ?? [];
        return new EpochMetrics(row.Epoch, row.Step, metrics.ToImmutableDictionary(StringComparer.Ordinal), row.LearningRate, row.DurationSeconds, row.ReportedAt);
    }
}
