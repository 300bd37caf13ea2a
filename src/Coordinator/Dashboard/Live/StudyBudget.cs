using System.Globalization;
using System.Text.Json;
using HyperTune.Abstractions.Studies;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>The parts of a study's budget the dashboard shows, read from its spec.</summary>
/// <param name="MaxEpochsPerTrial">The budget's epochs per trial, 0 when the spec gives none.</param>
/// <param name="WallClockLimit">The budget's time limit, if any.</param>
public sealed record StudyBudget(int MaxEpochsPerTrial, TimeSpan? WallClockLimit)
{
    /// <summary>Reads the budget of <paramref name="study"/>'s spec; nothing when it cannot be read.</summary>
    public static StudyBudget Of(StudySnapshot study)
    {
        try
        {
            using var spec = JsonDocument.Parse(study.SpecJson);
            if (!spec.RootElement.TryGetProperty("budget", out var budget) || budget.ValueKind != JsonValueKind.Object)
            {
                return new StudyBudget(0, null);
            }

            var epochs = budget.TryGetProperty("max_epochs_per_trial", out var e) && e.TryGetInt32(out var n) ? n : 0;
            TimeSpan? limit = budget.TryGetProperty("wall_clock_limit", out var w) && w.ValueKind == JsonValueKind.String
                && TimeSpan.TryParse(w.GetString(), CultureInfo.InvariantCulture, out var t) ? t : null;
            return new StudyBudget(epochs, limit);
        }
        catch (JsonException)
        {
            return new StudyBudget(0, null);
        }
    }
}
