using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Asha;

/// <summary>
/// Asynchronous successive halving over one or more brackets (Li et al., "A System for Massively Parallel
/// Hyperparameter Tuning", 2020; Ray Tune's <c>AsyncHyperBandScheduler</c>). Bracket s has rungs at
/// grace_period·η^(s+k) epochs below max_t. When a trial reaches a rung, its score is compared with the scores
/// recorded there before it: below the (1 − 1/η) quantile, it is pruned; otherwise it goes on (it is promoted without
/// waiting for the rung to fill, hence asynchronous). Either way its score joins the rung. The first trial at a rung
/// always goes on; a NaN result at a rung that already holds a score is pruned. Subclasses choose each trial's bracket.
/// </summary>
public abstract class SuccessiveHalvingScheduler : TrialSchedulerBase
{
    private readonly int _reductionFactor;
    private readonly int[][] _milestones;
    private List<RungEntry>[][] _recorded;

    /// <summary>Creates the scheduler with <paramref name="brackets"/> brackets.</summary>
    protected SuccessiveHalvingScheduler(StudySpec spec, int gracePeriod, int reductionFactor, int maxT, int brackets, TimeProvider? time)
        : base(spec, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(brackets, 1);
        _reductionFactor = reductionFactor;
        _milestones = [.. Enumerable.Range(0, brackets).Select(s => Milestones(gracePeriod, reductionFactor, maxT, s))];
        _recorded = NewRungs(_milestones);
        MaxT = maxT;
    }

    /// <summary>The most epochs of a trial.</summary>
    public int MaxT { get; }

    /// <inheritdoc />
    public override int? MaxEpochs => MaxT;

    /// <summary>The rung epochs of each bracket, ascending.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rungs => _milestones;

    /// <summary>The scores recorded at rung <paramref name="rung"/> of bracket <paramref name="bracket"/>, in arrival order.</summary>
    public IReadOnlyList<RungEntry> Recorded(int bracket, int rung) => _recorded[bracket][rung];

    /// <summary>The bracket of a trial.</summary>
    public int BracketOf(SchedulerTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return AssignBracket(trial.Index);
    }

    /// <summary>The number of whole halvings between grace period and max_t: ⌊log_η(max_t / grace_period)⌋.</summary>
    public static int MaxHalvings(int gracePeriod, int reductionFactor, int maxT)
    {
        var halvings = 0;
        for (long t = (long)gracePeriod * reductionFactor; t <= maxT; t *= reductionFactor)
        {
            halvings++;
        }

        return halvings;
    }

    /// <summary>The bracket of the trial added as number <paramref name="index"/> (0-based); deterministic.</summary>
    protected abstract int AssignBracket(int index);

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        var bracket = AssignBracket(trial.Index);
        var milestones = _milestones[bracket];
        for (var rung = milestones.Length - 1; rung >= 0; rung--)
        {
            var recorded = _recorded[bracket][rung];
            var here = recorded.Exists(e => e.TrialId == trial.Id);
            if (epoch >= milestones[rung] && here)
            {
                break; // the decision at this rung is made; the trial goes on to the next one
            }

            if (epoch < milestones[rung] || here)
            {
                continue;
            }

            var cutoff = Cutoff(recorded);
            recorded.Add(new RungEntry(trial.Id, score));
            if (cutoff is { } c && (score < c || (double.IsNegativeInfinity(score) && recorded.Count > 1)))
            {
                return SchedulerDecision.Prune(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Spec.Objective.Metric} {Metric(score)} at epoch {epoch} is not in the top 1/{_reductionFactor} of {recorded.Count - 1} trials at rung {milestones[rung]} (cutoff {Metric(c)}, bracket {bracket})"));
            }

            break;
        }

        return SchedulerDecision.Continue;
    }

    /// <inheritdoc />
    protected override JsonObject SaveAlgorithmState() =>
        new() { ["rungs"] = JsonSerializer.SerializeToNode(_recorded, SchedulerState.JsonOptions) };

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject state)
    {
        var rungs = state["rungs"]?.Deserialize<List<RungEntry>[][]>(SchedulerState.JsonOptions)
            ?? throw new InvalidOperationException("The successive-halving state has no rungs.");
        if (rungs.Length != _milestones.Length || rungs.Where((r, i) => r.Length != _milestones[i].Length).Any())
        {
            throw new InvalidOperationException("The successive-halving state has other brackets or rungs.");
        }

        _recorded = rungs;
    }

    /// <summary>The (1 − 1/η) quantile of the recorded scores (linear interpolation), or null when none is recorded.</summary>
    private double? Cutoff(List<RungEntry> recorded)
    {
        if (recorded.Count == 0)
        {
            return null;
        }

        var scores = recorded.Select(e => e.Score).Order().ToArray();
        var position = (1 - (1.0 / _reductionFactor)) * (scores.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        var (a, b) = (scores[low], scores[high]);
        return low == high || double.IsInfinity(a) || double.IsInfinity(b) ? a : a + ((b - a) * (position - low));
    }

    private static int[] Milestones(int gracePeriod, int reductionFactor, int maxT, int bracket)
    {
        var milestones = new List<int>();
        var t = (long)gracePeriod;
        for (var i = 0; i < bracket; i++)
        {
            t *= reductionFactor;
        }

        for (; t < maxT; t *= reductionFactor)
        {
            milestones.Add((int)t);
        }

        return [.. milestones];
    }

    private static List<RungEntry>[][] NewRungs(int[][] milestones) =>
        [.. milestones.Select(m => m.Select(_ => new List<RungEntry>()).ToArray())];
}
