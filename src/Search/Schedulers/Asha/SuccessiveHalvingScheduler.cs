using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Collections;
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
/// <remarks>
/// Each rung keeps its scores in an order-statistic tree, so a decision costs O(log n) in the trials recorded there.
/// A trial's part holds the scores it recorded (<c>"algorithm": {"rungs": [{"epoch": 1, "score": 0.5}, …]}</c>); the
/// rungs are rebuilt from them on restore.
/// </remarks>
public abstract class SuccessiveHalvingScheduler : TrialSchedulerBase
{
    private const string RungsProperty = "rungs";
    private readonly int _reductionFactor;
    private readonly int[][] _milestones;
    private readonly OrderedMultiset[][] _recorded;
    private readonly List<double?[]?> _trialScores = [];

    /// <summary>Creates the scheduler with <paramref name="brackets"/> brackets.</summary>
    protected SuccessiveHalvingScheduler(StudySpec spec, int gracePeriod, int reductionFactor, int maxT, int brackets, TimeProvider? time)
        : base(spec, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(brackets, 1);
        _reductionFactor = reductionFactor;
        _milestones = [.. Enumerable.Range(0, brackets).Select(s => Milestones(gracePeriod, reductionFactor, maxT, s))];
        _recorded = [.. _milestones.Select(m => m.Select(_ => new OrderedMultiset()).ToArray())];
        MaxT = maxT;
    }

    /// <summary>The most epochs of a trial.</summary>
    public int MaxT { get; }

    /// <inheritdoc />
    public override int? MaxEpochs => MaxT;

    /// <summary>The rung epochs of each bracket, ascending.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rungs => _milestones;

    /// <summary>The scores recorded at rung <paramref name="rung"/> of bracket <paramref name="bracket"/>, ascending.</summary>
    public IReadOnlyList<double> Recorded(int bracket, int rung) => [.. _recorded[bracket][rung]];

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
    protected override void OnAdded(SchedulerTrial trial) => _trialScores.Add(null);

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        var bracket = AssignBracket(trial.Index);
        var milestones = _milestones[bracket];
        var own = _trialScores[trial.Index];
        for (var rung = milestones.Length - 1; rung >= 0; rung--)
        {
            var here = own?[rung] is not null;
            if (epoch >= milestones[rung] && here)
            {
                break; // the decision at this rung is made; the trial goes on to the next one
            }

            if (epoch < milestones[rung] || here)
            {
                continue;
            }

            var recorded = _recorded[bracket][rung];
            var cutoff = Cutoff(recorded);
            recorded.Add(score);
            own ??= _trialScores[trial.Index] = new double?[milestones.Length];
            own[rung] = score;
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
    protected override JsonObject? SaveTrialAlgorithmState(SchedulerTrial trial)
    {
        if (_trialScores[trial.Index] is not { } own)
        {
            return null;
        }

        var milestones = _milestones[AssignBracket(trial.Index)];
        var scores = new List<RungScore>();
        for (var rung = 0; rung < own.Length; rung++)
        {
            if (own[rung] is { } score)
            {
                scores.Add(new RungScore(milestones[rung], score));
            }
        }

        return new JsonObject { [RungsProperty] = JsonSerializer.SerializeToNode(scores, AlgorithmJson.Options) };
    }

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
        foreach (var rung in _recorded.SelectMany(b => b))
        {
            rung.Clear();
        }

        _trialScores.Clear();
        foreach (var trial in Trials)
        {
            var bracket = AssignBracket(trial.Index);
            var milestones = _milestones[bracket];
            double?[]? own = null;
            foreach (var (epoch, score) in trialState(trial)?[RungsProperty]?.Deserialize<List<RungScore>>(AlgorithmJson.Options) ?? [])
            {
                var rung = Array.IndexOf(milestones, epoch);
                if (rung < 0 || own?[rung] is not null)
                {
                    throw new InvalidOperationException($"Trial '{trial.Id}' records a score at epoch {epoch} twice or at no rung of its bracket {bracket}.");
                }

                own ??= new double?[milestones.Length];
                own[rung] = score;
                _recorded[bracket][rung].Add(score);
            }

            _trialScores.Add(own);
        }
    }

    /// <summary>Format 1 kept every rung's entries together: each goes to its trial's part.</summary>
    private protected override JsonObject UpgradeFormat1(JsonObject algorithm, Dictionary<string, JsonObject> trialStates)
    {
        var rungs = algorithm[RungsProperty]?.Deserialize<List<RungEntry>[][]>(AlgorithmJson.Options)
            ?? throw new InvalidOperationException("The successive-halving state has no rungs.");
        if (rungs.Length != _milestones.Length || rungs.Where((r, i) => r.Length != _milestones[i].Length).Any())
        {
            throw new InvalidOperationException("The successive-halving state has other brackets or rungs.");
        }

        var scores = new Dictionary<string, List<RungScore>>(StringComparer.Ordinal);
        for (var bracket = 0; bracket < rungs.Length; bracket++)
        {
            for (var rung = 0; rung < rungs[bracket].Length; rung++)
            {
                foreach (var entry in rungs[bracket][rung])
                {
                    if (!scores.TryGetValue(entry.TrialId, out var list))
                    {
                        scores[entry.TrialId] = list = [];
                    }

                    list.Add(new RungScore(_milestones[bracket][rung], entry.Score));
                }
            }
        }

        foreach (var (trialId, list) in scores)
        {
            trialStates[trialId] = new JsonObject { [RungsProperty] = JsonSerializer.SerializeToNode(list, AlgorithmJson.Options) };
        }

        return [];
    }

    /// <summary>The (1 − 1/η) quantile of the recorded scores (linear interpolation), or null when none is recorded.</summary>
    private double? Cutoff(OrderedMultiset recorded)
    {
        if (recorded.Count == 0)
        {
            return null;
        }

        var position = (1 - (1.0 / _reductionFactor)) * (recorded.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        var (a, b) = (recorded[low], recorded[high]);
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
}
