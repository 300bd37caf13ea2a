using HyperTune.Coordinator.Dashboard.Analysis;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// What the analysis panels of a study page read, computed once per change of results (see
/// <see cref="StudyLiveModel.ResultsVersion"/>): the trials with an objective value, one axis per hyperparameter whose
/// value varies (the constant ones are named apart), the objective's axis and each hyperparameter's importance.
/// </summary>
public sealed class StudyResults
{
    private readonly Dictionary<string, string> _tips = new(StringComparer.Ordinal);

    private StudyResults(string objective, bool maximize, IReadOnlyList<TrialSeries> all, IReadOnlyList<ScoredTrial> scored,
        IReadOnlyList<ParallelAxis> axes, IReadOnlyList<string> constant, ParallelAxis objectiveAxis,
        IReadOnlyList<(string Name, double Importance)> importance)
    {
        Objective = objective;
        Maximize = maximize;
        All = all;
        Scored = scored;
        ParameterAxes = axes;
        ConstantParameters = constant;
        ObjectiveAxis = objectiveAxis;
        Importance = importance;
    }

    /// <summary>Nothing to show yet.</summary>
    public static StudyResults Empty { get; } = Build([], "", false, new HashSet<string>());

    /// <summary>The objective metric.</summary>
    public string Objective { get; }

    /// <summary>True when larger is better.</summary>
    public bool Maximize { get; }

    /// <summary>Every trial, by number.</summary>
    public IReadOnlyList<TrialSeries> All { get; }

    /// <summary>The trials with an objective value, by number.</summary>
    public IReadOnlyList<ScoredTrial> Scored { get; }

    /// <summary>One axis per hyperparameter whose value varies among the scored trials, the most important first.</summary>
    public IReadOnlyList<ParallelAxis> ParameterAxes { get; }

    /// <summary>The hyperparameters every scored trial has the same value of (left out of the plots).</summary>
    public IReadOnlyList<string> ConstantParameters { get; }

    /// <summary>The objective's axis over the scored trials' values.</summary>
    public ParallelAxis ObjectiveAxis { get; }

    /// <summary>Each varying hyperparameter's importance (see <see cref="HyperparameterImportance"/>), largest first.</summary>
    public IReadOnlyList<(string Name, double Importance)> Importance { get; }

    /// <summary>The hover text of <paramref name="trial"/> (see <see cref="TrialTip"/>), made once per trial and results.</summary>
    public string Tip(TrialSeries trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!_tips.TryGetValue(trial.TrialId, out var tip))
        {
            _tips[trial.TrialId] = tip = TrialTip.Of(trial, this);
        }

        return tip;
    }

    /// <summary>The axis of hyperparameter <paramref name="name"/>, or null when it is constant or unknown.</summary>
    public ParallelAxis? Axis(string name) => ParameterAxes.FirstOrDefault(a => a.Name == name);

    /// <summary>The results of <paramref name="trials"/>; <paramref name="logParameters"/> are given log axes.</summary>
    public static StudyResults Build(IReadOnlyList<TrialSeries> trials, string objective, bool maximize, IReadOnlySet<string> logParameters)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var scored = trials.Where(t => t.Snapshot is not null && double.IsFinite(t.Objective)).Select(t => new ScoredTrial(t, t.Objective)).ToList();
        var importance = HyperparameterImportance.Compute([.. scored.Select(s => (s.Trial.Snapshot!.Config, s.Value))]);
        var rank = importance.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var names = scored.SelectMany(s => s.Trial.Snapshot!.Config.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var axes = new List<ParallelAxis>();
        var constant = new List<string>();
        foreach (var name in names)
        {
            var axis = ParallelAxis.For(name, scored.Select(s => s.Trial.Snapshot!.Config.TryGetValue(name, out var v) ? v : (ParameterValue?)null),
                logParameters.Contains(name) ? true : null);
            if (axis.IsConstant)
            {
                constant.Add(name);
            }
            else
            {
                axes.Add(axis);
            }
        }

        int Rank(ParallelAxis axis) => rank.TryGetValue(axis.Name, out var r) ? r : int.MaxValue;
        axes.Sort((a, b) => Rank(a) != Rank(b) ? Rank(a).CompareTo(Rank(b)) : string.CompareOrdinal(a.Name, b.Name));
        return new StudyResults(objective, maximize, trials, scored, axes, constant,
            ParallelAxis.ForNumbers(objective, scored.Select(s => s.Value), log: false), importance);
    }
}
