using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs;

/// <summary>
/// Builds a <see cref="StudySpec"/> in C#, equal to the one the same study's JSON gives:
/// <code>
/// var spec = new StudySpecBuilder("digits-lr")
///     .WithDataset(DatasetKinds.Digits)
///     .Maximize(MetricNames.ValidationAccuracy)
///     .LogUniform("learning_rate", 1e-5, 1)
///     .Choice("optimizer", "sgd", "adam")
///     .Choice("schedule", "constant", "step", "exponential")
///     .Uniform("gamma", 0.1, 0.9, when: ("schedule", ["step", "exponential"]))
///     .WithBudget(maxTrials: 6)
///     .WithLearningRateRangeTest(new Dictionary&lt;string, ParameterValue&gt; { ["optimizer"] = "adam" })
///     .Build();
/// </code>
/// Values are given the catalog's type of their hyperparameter (<c>Fixed("learning_rate", 1)</c> is the float 1.0), as in JSON.
/// </summary>
public sealed class StudySpecBuilder
{
    private readonly AlgorithmRegistry _registry;
    private readonly List<SearchParameter> _parameters = [];
    private StudySpec _spec;

    /// <summary>Starts a spec with every default (see <see cref="StudySpec"/>).</summary>
    /// <param name="name">The study name.</param>
    /// <param name="registry">The algorithm kinds <see cref="Build"/> validates against; default the built-in ones.</param>
    public StudySpecBuilder(string name, AlgorithmRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _spec = new StudySpec { Name = name };
        _registry = registry ?? AlgorithmRegistry.Default;
    }

    /// <summary>Trains on <paramref name="dataset"/>.</summary>
    public StudySpecBuilder WithDataset(DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _spec = _spec with { Dataset = dataset };
        return this;
    }

    /// <summary>Trains on a dataset kind (<see cref="DatasetKinds"/>) with default settings.</summary>
    public StudySpecBuilder WithDataset(string kind) => WithDataset(new DatasetSpec { Kind = kind });

    /// <summary>Maximizes <paramref name="metric"/> (see <see cref="MetricNames"/>).</summary>
    public StudySpecBuilder Maximize(string metric) => WithObjective(new ObjectiveSpec(metric, OptimizationDirection.Maximize));

    /// <summary>Minimizes <paramref name="metric"/>.</summary>
    public StudySpecBuilder Minimize(string metric) => WithObjective(new ObjectiveSpec(metric, OptimizationDirection.Minimize));

    /// <summary>Optimizes <paramref name="metric"/> in its natural direction (<see cref="MetricNames.IsHigherBetter"/>).</summary>
    public StudySpecBuilder Optimize(string metric) => WithObjective(ObjectiveSpec.For(metric));

    /// <summary>Optimizes as <paramref name="objective"/> says.</summary>
    public StudySpecBuilder WithObjective(ObjectiveSpec objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _spec = _spec with { Objective = objective };
        return this;
    }

    /// <summary>Adds a real number uniform in [low, high].</summary>
    public StudySpecBuilder Uniform(string name, double low, double high, (string Parent, ParameterValue[] Values)? when = null) =>
        Add(name, new UniformFloatDomain(low, high), when);

    /// <summary>Adds a positive real number uniform in log space over [low, high].</summary>
    public StudySpecBuilder LogUniform(string name, double low, double high, (string Parent, ParameterValue[] Values)? when = null) =>
        Add(name, new LogUniformFloatDomain(low, high), when);

    /// <summary>Adds a whole number among low, low + step, … ≤ high, optionally drawn in log space.</summary>
    public StudySpecBuilder Int(string name, long low, long high, long step = 1, bool log = false, (string Parent, ParameterValue[] Values)? when = null) =>
        Add(name, new IntDomain(low, high, step, log), when);

    /// <summary>Adds one of listed values: <c>.Choice("optimizer", "sgd", "adam")</c>.</summary>
    public StudySpecBuilder Choice(string name, params ParameterValue[] values) => Choice(name, values, when: null);

    /// <summary>Adds one of listed values, existing only under a condition.</summary>
    public StudySpecBuilder Choice(string name, IEnumerable<ParameterValue> values, (string Parent, ParameterValue[] Values)? when)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(name, new CategoricalDomain(values.Select(v => CatalogCoercion.Coerce(name, v))), when);
    }

    /// <summary>Adds a constant.</summary>
    public StudySpecBuilder Fixed(string name, ParameterValue value, (string Parent, ParameterValue[] Values)? when = null) =>
        Add(name, new FixedDomain(CatalogCoercion.Coerce(name, value)), when);

    /// <summary>Adds a parameter as it is.</summary>
    /// <exception cref="ArgumentException">A parameter of that name was already added.</exception>
    public StudySpecBuilder Add(SearchParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_parameters.Any(p => p.Name == parameter.Name))
        {
            throw new ArgumentException($"The parameter '{parameter.Name}' was already added.", nameof(parameter));
        }

        _parameters.Add(parameter);
        return this;
    }

    /// <summary>Uses a searcher kind with options: an options object (e.g. a <c>GridSearcherOptions</c>) or null.</summary>
    public StudySpecBuilder WithSearcher(string kind, object? options = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _spec = _spec with { Searcher = new SearcherSpec(kind, AlgorithmOptions.FromObject(options)) };
        return this;
    }

    /// <summary>Uses a scheduler kind with options.</summary>
    public StudySpecBuilder WithScheduler(string kind, object? options = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _spec = _spec with { Scheduler = new SchedulerSpec(kind, AlgorithmOptions.FromObject(options)) };
        return this;
    }

    /// <summary>Sets the whole budget.</summary>
    public StudySpecBuilder WithBudget(BudgetSpec budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        _spec = _spec with { Budget = budget };
        return this;
    }

    /// <summary>Sets the given budget limits; the others keep their values.</summary>
    public StudySpecBuilder WithBudget(int? maxTrials = null, int? maxConcurrentTrials = null, int? maxEpochsPerTrial = null, TimeSpan? wallClockLimit = null)
    {
        var budget = _spec.Budget;
        _spec = _spec with
        {
            Budget = budget with
            {
                MaxTrials = maxTrials ?? budget.MaxTrials,
                MaxConcurrentTrials = maxConcurrentTrials ?? budget.MaxConcurrentTrials,
                MaxEpochsPerTrial = maxEpochsPerTrial ?? budget.MaxEpochsPerTrial,
                WallClockLimit = wallClockLimit ?? budget.WallClockLimit,
            },
        };
        return this;
    }

    /// <summary>Checkpoints every <paramref name="epochs"/> epochs; 0 turns checkpoints off.</summary>
    public StudySpecBuilder WithCheckpointInterval(int epochs)
    {
        _spec = _spec with { CheckpointInterval = epochs };
        return this;
    }

    /// <summary>Trains <paramref name="trainable"/>: <c>.WithTrainable(TrainableSpec.Synthetic(0.05))</c>.</summary>
    public StudySpecBuilder WithTrainable(TrainableSpec trainable)
    {
        ArgumentNullException.ThrowIfNull(trainable);
        _spec = _spec with { Trainable = trainable };
        return this;
    }

    /// <summary>Seeds the searcher and the trial seeds.</summary>
    public StudySpecBuilder WithSeed(long seed)
    {
        _spec = _spec with { Seed = seed };
        return this;
    }

    /// <summary>Runs <paramref name="rangeTest"/> as the study's first step (JSON <c>lr_range_test</c>).</summary>
    public StudySpecBuilder WithLearningRateRangeTest(LearningRateRangeTestSpec rangeTest)
    {
        ArgumentNullException.ThrowIfNull(rangeTest);
        _spec = _spec with { LearningRateRangeTest = rangeTest };
        return this;
    }

    /// <summary>
    /// Runs a learning-rate range test as the study's first step (JSON <c>lr_range_test</c>):
    /// <c>.WithLearningRateRangeTest(new Dictionary&lt;string, ParameterValue&gt; { ["optimizer"] = "adam" })</c>.
    /// </summary>
    /// <param name="config">Values the test trains with over the space's centre; each takes the catalog's type of its
    /// hyperparameter, as in JSON. Default: none (the centre alone).</param>
    /// <param name="setBounds">Search <c>learning_rate</c> log-uniformly between the test's bounds. Default true.</param>
    /// <param name="options">The ramp, smoothing and stop rule. Default: <see cref="LearningRateRangeTestOptions"/>'s.</param>
    public StudySpecBuilder WithLearningRateRangeTest(
        IReadOnlyDictionary<string, ParameterValue>? config = null,
        bool setBounds = true,
        LearningRateRangeTestOptions? options = null) =>
        WithLearningRateRangeTest(new LearningRateRangeTestSpec
        {
            Config = config is null ? TrialConfig.Empty : new TrialConfig(config.Select(p => KeyValuePair.Create(p.Key, CatalogCoercion.Coerce(p.Key, p.Value)))),
            SetBounds = setBounds,
            Options = options ?? new LearningRateRangeTestOptions(),
        });

    /// <summary>The spec, validated.</summary>
    /// <exception cref="StudySpecException">The spec is invalid; lists every problem.</exception>
    public StudySpec Build()
    {
        var spec = BuildUnvalidated();
        StudySpecValidator.ThrowIfInvalid(spec, _registry);
        return spec;
    }

    /// <summary>The spec as built, without validation (for tests and tools that report errors themselves).</summary>
    public StudySpec BuildUnvalidated() => _spec with { SearchSpace = new SearchSpace(_parameters) };

    private StudySpecBuilder Add(string name, ParameterDomain domain, (string Parent, ParameterValue[] Values)? when)
    {
        ArgumentNullException.ThrowIfNull(name);
        var condition = when is { } w
            ? new ParameterCondition(w.Parent, w.Values.Select(v => CatalogCoercion.Coerce(w.Parent, v)))
            : null;
        return Add(new SearchParameter(name, domain, condition));
    }
}
