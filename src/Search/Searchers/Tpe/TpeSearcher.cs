using System.Text.Json.Nodes;
using HyperTune.Search.Collections;
using HyperTune.Search.Randomness;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>
/// The tree-structured Parzen estimator (Bergstra et al., "Algorithms for Hyper-Parameter Optimization", 2011; as
/// Optuna's <c>TPESampler</c> in its default, independent mode). After <see cref="TpeSearcherOptions.NStartupTrials"/>
/// random suggestions, the observed trials are split into the best ⌈γ·n⌉ (at most
/// <see cref="TpeSearcherOptions.MaxGood"/>) and the rest; for each parameter, a density l(x) is fitted on the good
/// trials and g(x) on the rest, <see cref="TpeSearcherOptions.NEiCandidates"/> candidates are drawn from l, and the one
/// with the largest l(x)/g(x) (the expected-improvement maximizer) is suggested.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Scales: uniform ranges are modelled as they are, log-uniform ones in log space, ints as ranges of their
/// step-wide cells (in log space for log ints) rounded back to the grid; choices by smoothed counts with a uniform prior.</item>
/// <item>Conditional parameters are fitted only on the trials where they exist, and suggested parents first.</item>
/// <item>Results: a completed trial counts with its final objective value (a pruned one with its last reported value);
/// a failed one, or one without the objective, as the worst. Running trials count as the worst (constant liar) or,
/// with <see cref="TpeSearcherOptions.ConstantLiar"/> off, with their last intermediate value.</item>
/// <item>Cost: the densities are fitted on at most <see cref="TpeSearcherOptions.MaxHistory"/> observations, picked
/// from trials kept ranked by score, so a suggestion costs O(parameters × candidates × max_history + max_history ·
/// log n) however long the study.</item>
/// </list>
/// The random stream is part of the saved state, so a restored searcher suggests exactly what the saved one would have.
/// </remarks>
public sealed class TpeSearcher : SearcherBase
{
    private const string RandomProperty = "random";
    private readonly TpeSearcherOptions _options;
    private readonly List<TpeTrialEntry> _entries = [];
    private readonly RankedMultiset<TpeRank, TpeRank> _ranks = [];
    private readonly Dictionary<int, int> _shuffled = [];
    private PortableRandom _random;
    private int _finiteScores;

    /// <summary>Creates the searcher of a spec.</summary>
    /// <exception cref="StudySpecException">The search space is structurally invalid.</exception>
    public TpeSearcher(StudySpec spec, TpeSearcherOptions? options = null)
        : base(spec)
    {
        _options = options ?? new TpeSearcherOptions();
        _random = new PortableRandom(_options.Seed ?? spec.Seed);
    }

    /// <inheritdoc />
    public override string Kind => TpeSearcherProvider.KindName;

    /// <inheritdoc />
    protected override SuggestResult SuggestNext(int index)
    {
        var config = index < _options.NStartupTrials ? Spec.SearchSpace.Sample(_random) : SuggestModelled();
        _entries.Add(new TpeTrialEntry(config));
        Rank(_entries.Count - 1, null);
        return SuggestResult.Suggested(config);
    }

    /// <inheritdoc />
    protected override void OnResult(TrialRecord trial)
    {
        var entry = _entries[trial.Index];
        var before = ScoreOf(entry);
        entry.Intermediate = ObjectiveScore.Of(Spec.Objective, trial.Metrics);
        Rank(trial.Index, before);
    }

    /// <inheritdoc />
    protected override void OnComplete(TrialRecord trial)
    {
        var entry = _entries[trial.Index];
        var before = ScoreOf(entry);
        entry.Final = trial.Status == TrialStatus.Failed ? double.NegativeInfinity : ObjectiveScore.Of(Spec.Objective, trial.Metrics);
        Rank(trial.Index, before);
    }

    private TrialConfig SuggestModelled()
    {
        if (Select() is not var (good, bad))
        {
            return Spec.SearchSpace.Sample(_random);
        }

        var config = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in Spec.SearchSpace.SamplingOrder)
        {
            if (SearchSpace.IsActive(parameter, config))
            {
                config[parameter.Name] = Suggest(parameter, good, bad);
            }
        }

        return new TrialConfig(config);
    }

    /// <inheritdoc />
    protected override JsonObject SaveAlgorithmState() => new() { [RandomProperty] = _random.SaveState() };

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject state)
    {
        var text = state[RandomProperty]?.GetValue<string>() ?? throw new InvalidOperationException("The tpe searcher state has no random stream.");
        try
        {
            _random = PortableRandom.FromState(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("The tpe searcher state is malformed: " + e.Message, e);
        }
    }

    /// <summary>Rebuilds the entries from the trial records after a restore.</summary>
    protected override void OnRestored()
    {
        _entries.Clear();
        _ranks.Clear();
        _finiteScores = 0;
        foreach (var trial in Trials)
        {
            var entry = new TpeTrialEntry(trial.Config);
            if (trial.Status == TrialStatus.Failed)
            {
                entry.Final = double.NegativeInfinity;
            }
            else if (trial.Status == TrialStatus.Completed)
            {
                entry.Final = ObjectiveScore.Of(Spec.Objective, trial.Metrics);
            }
            else if (trial.LastEpoch >= 0)
            {
                entry.Intermediate = ObjectiveScore.Of(Spec.Objective, trial.Metrics);
            }

            _entries.Add(entry);
            Rank(_entries.Count - 1, null);
        }
    }

    /// <summary>The score a trial is modelled with: its final one, else −∞ (constant liar) or its last intermediate one; null for none.</summary>
    private double? ScoreOf(TpeTrialEntry entry) => entry.Final ?? (_options.ConstantLiar ? double.NegativeInfinity : entry.Intermediate);

    /// <summary>Moves a trial in the ranking from the score it had (<paramref name="before"/>) to the one it has now.</summary>
    private void Rank(int index, double? before)
    {
        if (before is { } old)
        {
            _ranks.Remove(new TpeRank(old, index));
            _finiteScores -= double.IsFinite(old) ? 1 : 0;
        }

        if (ScoreOf(_entries[index]) is { } score)
        {
            _ranks.Add(new TpeRank(score, index));
            _finiteScores += double.IsFinite(score) ? 1 : 0;
        }
    }

    /// <summary>
    /// The good observations (best first) and the rest, the rest cut down to fit
    /// <see cref="TpeSearcherOptions.MaxHistory"/>: its best half of the room and a seeded random sample of the others.
    /// Null when no trial has a finite score yet. The trials are kept ranked as their scores change, so this costs
    /// O(max_history · log n), not a pass over every trial.
    /// </summary>
    private (List<TpeObservation> Good, List<TpeObservation> Bad)? Select()
    {
        if (_finiteScores == 0)
        {
            return null;
        }

        var count = _ranks.Count;
        var goodCount = Math.Clamp((int)Math.Ceiling(_options.Gamma * count), 1, Math.Min(_options.MaxGood, count));
        var room = Math.Max(_options.MaxHistory - goodCount, 1);
        var sorted = count - goodCount <= room ? count : goodCount + (room / 2);
        var good = new List<TpeObservation>(goodCount);
        var bad = new List<TpeObservation>(Math.Min(count - goodCount, room));
        foreach (var rank in _ranks)
        {
            if (good.Count + bad.Count == sorted)
            {
                break;
            }

            (good.Count < goodCount ? good : bad).Add(Observation(rank));
        }

        // A seeded sample of the ranks past the sorted ones: a partial Fisher–Yates shuffle of the ranks sorted … count − 1,
        // with only the moved places held.
        _shuffled.Clear();
        for (var k = sorted; bad.Count < room && k < count; k++)
        {
            var j = k + _random.Next(count - k);
            var picked = _shuffled.GetValueOrDefault(j, j);
            _shuffled[j] = _shuffled.GetValueOrDefault(k, k);
            bad.Add(Observation(_ranks[picked]));
        }

        return (good, bad);
    }

    private TpeObservation Observation(TpeRank rank) => new(rank.Index, _entries[rank.Index].Config, rank.Score);

    private ParameterValue Suggest(SearchParameter parameter, List<TpeObservation> good, List<TpeObservation> bad)
    {
        switch (parameter.Domain)
        {
            case FixedDomain f:
                return f.Value;
            case CategoricalDomain c:
                return SuggestChoice(parameter.Name, c, good, bad);
            default:
                var scale = NumericScale.Of(parameter.Domain);
                var below = new ParzenEstimator(Values(parameter.Name, good, scale), scale.Low, scale.High, _options.PriorWeight);
                var above = new ParzenEstimator(Values(parameter.Name, bad, scale), scale.Low, scale.High, _options.PriorWeight);
                var bestX = double.NaN;
                var bestRatio = double.NegativeInfinity;
                for (var i = 0; i < _options.NEiCandidates; i++)
                {
                    var x = below.Sample(_random);
                    var ratio = below.LogPdf(x) - above.LogPdf(x);
                    if (ratio > bestRatio || double.IsNaN(bestX))
                    {
                        (bestX, bestRatio) = (x, ratio);
                    }
                }

                return scale.ToValue(bestX);
        }
    }

    private ParameterValue SuggestChoice(string name, CategoricalDomain domain, List<TpeObservation> good, List<TpeObservation> bad)
    {
        var below = Probabilities(name, domain, good);
        var above = Probabilities(name, domain, bad);
        var best = -1;
        var bestRatio = double.NegativeInfinity;
        for (var i = 0; i < _options.NEiCandidates; i++)
        {
            var u = _random.NextDouble();
            var k = 0;
            while (k < below.Length - 1 && u >= below[k])
            {
                u -= below[k];
                k++;
            }

            var ratio = Math.Log(below[k]) - Math.Log(above[k]);
            if (best < 0 || ratio > bestRatio)
            {
                (best, bestRatio) = (k, ratio);
            }
        }

        return domain.Values[best];
    }

    /// <summary>(count of each value + prior / k) / (n + prior) over the observations that have the parameter.</summary>
    private double[] Probabilities(string name, CategoricalDomain domain, List<TpeObservation> observations)
    {
        var k = domain.Values.Count;
        var counts = new double[k];
        var n = 0;
        foreach (var o in observations)
        {
            if (o.Config.TryGetValue(name, out var value))
            {
                for (var i = 0; i < k; i++)
                {
                    if (domain.Values[i].Equals(value))
                    {
                        counts[i]++;
                        n++;
                        break;
                    }
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            counts[i] = (counts[i] + (_options.PriorWeight / k)) / (n + _options.PriorWeight);
        }

        return counts;
    }

    private static List<double> Values(string name, List<TpeObservation> observations, NumericScale scale)
    {
        var values = new List<double>(observations.Count);
        foreach (var o in observations)
        {
            if (o.Config.TryGetValue(name, out var value) && value.IsNumber)
            {
                values.Add(Math.Clamp(scale.ToInternal(value.AsDouble()), scale.Low, scale.High));
            }
        }

        return values;
    }
}
