using System.Text.Json.Nodes;
using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// The saved form of a <see cref="SchedulerTrial"/>: a scheduler's trial part, with the scheduler's per-trial state in
/// <see cref="Algorithm"/>. Format 1 wrote the same fields (and <c>last_score</c>, <c>last_epoch</c>, ignored) without it.
/// </summary>
internal sealed class SchedulerTrialPart
{
    public string Id { get; set; } = "";

    public int Index { get; set; }

    public TrialConfig Config { get; set; } = TrialConfig.Empty;

    public SchedulerTrialStatus Status { get; set; }

    public List<EpochScore> Scores { get; set; } = [];

    public int? LatestCheckpoint { get; set; }

    public string? PruneReason { get; set; }

    public JsonObject? Algorithm { get; set; }
}
