using System.Globalization;
using System.Text;

namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>
/// What a chaos run cost: the kills, how long each lost trial took to be restarted (from the kill of the silo its
/// restart names, or else the latest kill before it, to its <c>recovering</c> event), and the epochs trained again.
/// </summary>
public sealed record ChaosFigures(
    IReadOnlyList<ChaosKill> Kills,
    IReadOnlyList<TimeSpan> RecoveryTimes,
    IReadOnlyList<(string TrialId, TimeSpan Time)> Recoveries,
    int Restarts,
    int EpochsRetrained,
    int EpochsKept)
{
    /// <summary>The figures of a run with <paramref name="kills"/>, from the trials' records at its end.</summary>
    public static ChaosFigures From(IReadOnlyList<ChaosKill> kills, IReadOnlyList<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(kills);
        ArgumentNullException.ThrowIfNull(trials);
        var recoveries = new List<(string TrialId, TimeSpan Time)>();
        foreach (var (trialId, e) in trials.SelectMany(t => t.Events.Select(e => (t.TrialId, e))).Where(x => x.e.Kind == HistoryEvent.Recovering))
        {
            var before = kills.Where(k => k.At <= e.At).ToArray();
            var cause = before.LastOrDefault(k => e.Message.Contains($"its silo {k.Silo} ", StringComparison.Ordinal)) ?? before.LastOrDefault();
            if (cause is not null)
            {
                recoveries.Add((trialId, e.At - cause.At));
            }
        }

        return new ChaosFigures(
            kills,
            [.. recoveries.Select(r => r.Time)],
            recoveries,
            trials.Sum(t => t.Events.Count(e => e.Kind == HistoryEvent.Recovering)),
            trials.Sum(HistoryContinuity.EpochsRetrained),
            trials.Sum(t => t.Epochs.Count));
    }

    /// <summary>The trials of the <paramref name="count"/> slowest restarts.</summary>
    public IReadOnlySet<string> SlowestTrials(int count) => Recoveries.OrderByDescending(r => r.Time).Take(count).Select(r => r.TrialId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The distribution of <see cref="RecoveryTimes"/>.</summary>
    public Distribution Recovery => Distribution.Of(RecoveryTimes);

    /// <summary>The figures for people, several lines.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"kills: {Kills.Count} ({string.Join(", ", Kills.GroupBy(k => k.Silo).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"))})");
        text.AppendLine(CultureInfo.InvariantCulture, $"declared Dead after the kill: {Distribution.Of(Kills.Where(k => k.DeclaredDeadAfter is not null).Select(k => k.DeclaredDeadAfter!.Value))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"restarted silo Active again after the kill: {Distribution.Of(Kills.Where(k => k.BackAfter is not null).Select(k => k.BackAfter!.Value))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"trial restarts: {Restarts}; kill to restart: {Recovery}");
        text.Append(CultureInfo.InvariantCulture, $"epochs retrained: {EpochsRetrained} ({(EpochsKept == 0 ? 0 : 100.0 * EpochsRetrained / EpochsKept):F1} % of the {EpochsKept} epochs kept)");
        return text.ToString();
    }
}
