using System.Globalization;
using System.Text;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Export;

/// <summary>
/// Writes a study as CSV (RFC 4180, invariant culture), one row per trial:
/// <c>trial_id,number,state,epochs,best_epoch,best_{objective},{every metric of the last epoch},{every hyperparameter},reason</c>.
/// The best epoch is the trial's best for the study's objective; metric and hyperparameter columns are sorted by name,
/// and a trial without a value leaves the cell empty.
/// </summary>
public static class StudyCsvExporter
{
    /// <summary>The CSV text of <paramref name="study"/>.</summary>
    public static string Write(StudySnapshot study, IReadOnlyList<TrialSnapshot> trials, StudyHistory history)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(history);
        var histories = history.Trials.ToDictionary(h => h.TrialId, StringComparer.Ordinal);
        var rows = trials.OrderBy(t => t.Number).Select(t => (Trial: t, Epochs: histories.TryGetValue(t.TrialId, out var h) ? h.Epochs : [])).ToArray();
        var metrics = rows.SelectMany(r => LastMetrics(r.Trial, r.Epochs).Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var parameters = rows.SelectMany(r => r.Trial.Config.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

        var csv = new StringBuilder();
        WriteRow(csv, ["trial_id", "number", "state", "epochs", "best_epoch", "best_" + study.ObjectiveMetric, .. metrics, .. parameters, "reason"]);
        foreach (var (trial, epochs) in rows)
        {
            var best = BestEpoch(epochs, study.ObjectiveMetric, study.Maximize);
            var last = LastMetrics(trial, epochs);
            WriteRow(csv, [
                trial.TrialId,
                Text(trial.Number),
                trial.State.ToString(),
                Text(Math.Max(trial.Epoch, epochs.Length)),
                best is null ? string.Empty : Text(best.Epoch),
                best is null ? string.Empty : Text(best.Metrics[study.ObjectiveMetric]),
                .. metrics.Select(m => last.TryGetValue(m, out var value) ? Text(value) : string.Empty),
                .. parameters.Select(p => trial.Config.TryGetValue(p, out var value) ? value.ToString() : string.Empty),
                trial.Reason ?? string.Empty,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The epoch with the best finite value of <paramref name="metric"/> (the earliest of equals), or null.</summary>
    public static EpochMetrics? BestEpoch(IEnumerable<EpochMetrics> epochs, string metric, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        EpochMetrics? best = null;
        foreach (var epoch in epochs)
        {
            if (epoch.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value)
                && (best is null || (maximize ? value > best.Metrics[metric] : value < best.Metrics[metric])))
            {
                best = epoch;
            }
        }

        return best;
    }

    private static IReadOnlyDictionary<string, double> LastMetrics(TrialSnapshot trial, IReadOnlyList<EpochMetrics> epochs) =>
        epochs.Count > 0 ? epochs[^1].Metrics : trial.Metrics;

    private static void WriteRow(StringBuilder csv, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
