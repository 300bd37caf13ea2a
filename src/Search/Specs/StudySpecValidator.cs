using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Specs.Validation;

namespace HyperTune.Search.Specs;

/// <summary>
/// Finds every problem of a study spec at once, each with the JSON path of the spec's JSON form: name, dataset,
/// objective metric against the dataset's task, search-space structure, hyperparameters against the engine's catalog,
/// searcher and scheduler kinds and options, budget, checkpoint interval, the learning-rate range test and the trainable.
/// </summary>
public static class StudySpecValidator
{
    private const int MaxNameLength = 128;

    /// <summary>Every problem of <paramref name="spec"/>, against the built-in algorithm kinds; empty when valid.</summary>
    public static IReadOnlyList<SpecError> Validate(StudySpec spec) => Validate(spec, AlgorithmRegistry.Default);

    /// <summary>Every problem of <paramref name="spec"/>, against the kinds of <paramref name="registry"/>; empty when valid.</summary>
    public static IReadOnlyList<SpecError> Validate(StudySpec spec, AlgorithmRegistry registry)
    {
        var errors = new SpecErrorList();
        Validate(spec, registry, errors);
        return errors.Errors;
    }

    /// <summary>Throws a <see cref="StudySpecException"/> listing every problem, if there is one.</summary>
    public static void ThrowIfInvalid(StudySpec spec, AlgorithmRegistry? registry = null)
    {
        var errors = Validate(spec, registry ?? AlgorithmRegistry.Default);
        if (errors.Count > 0)
        {
            throw new StudySpecException(errors);
        }
    }

    /// <summary>Adds every problem to <paramref name="errors"/>.</summary>
    internal static void Validate(StudySpec spec, AlgorithmRegistry registry, SpecErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(registry);
        ValidateName(spec.Name, errors);
        errors.AddRange(DatasetSpecValidator.Validate(spec.Dataset));
        ValidateObjective(spec, errors);
        errors.AddRange(spec.SearchSpace.Validate());
        errors.AddRange(SearchSpaceCatalogValidator.Validate(spec.SearchSpace));

        if (registry.TryGetSearcher(spec.Searcher.Kind, out var searcher))
        {
            errors.AddRange(searcher.Validate(spec));
        }
        else
        {
            errors.Add(registry.UnknownSearcher(spec.Searcher.Kind));
        }

        if (registry.TryGetScheduler(spec.Scheduler.Kind, out var scheduler))
        {
            errors.AddRange(scheduler.Validate(spec));
        }
        else
        {
            errors.Add(registry.UnknownScheduler(spec.Scheduler.Kind));
        }

        ValidateBudget(spec.Budget, errors);
        if (spec.CheckpointInterval < 0)
        {
            errors.Add("$.checkpoint_interval", Invariant($"must be at least 0 (0 turns checkpoints off), not {spec.CheckpointInterval}"));
        }

        errors.AddRange(LearningRateRangeTestSpecValidator.Validate(spec, registry));
        errors.AddRange(TrainableSpecValidator.Validate(spec));
    }

    private static void ValidateName(string name, SpecErrorList errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("$.name", "is required");
        }
        else if (name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("$.name", $"must be 1 to {MaxNameLength} letters, digits, '-', '_' or '.', not \"{SpecText.Shorten(name)}\"");
        }
    }

    private static void ValidateObjective(StudySpec spec, SpecErrorList errors)
    {
        var metric = spec.Objective.Metric;
        var task = spec.Dataset.ResolveTask();
        var all = MetricNames.For(TaskKind.Classification).Union(MetricNames.For(TaskKind.Regression)).ToList();
        if (!all.Contains(metric, StringComparer.Ordinal))
        {
            errors.Add("$.objective.metric", $"unknown metric '{SpecText.Shorten(metric)}'{Suggestions.DidYouMean(metric, all)}; known: {string.Join(", ", all)}");
        }
        else if (!MetricNames.For(task).Contains(metric, StringComparer.Ordinal))
        {
            errors.Add(
                "$.objective.metric",
                $"a {JsonNames.Of(task)} task does not report '{SpecText.Shorten(metric)}'; use one of {string.Join(", ", MetricNames.For(task))}");
        }

        if (!Enum.IsDefined(spec.Objective.Direction))
        {
            errors.Add("$.objective.direction", "must be minimize or maximize");
        }
    }

    private static void ValidateBudget(BudgetSpec budget, SpecErrorList errors)
    {
        AtLeastOne("$.budget.max_trials", budget.MaxTrials, errors);
        AtLeastOne("$.budget.max_concurrent_trials", budget.MaxConcurrentTrials, errors);
        AtLeastOne("$.budget.max_epochs_per_trial", budget.MaxEpochsPerTrial, errors);
        if (budget.WallClockLimit is { } limit && limit <= TimeSpan.Zero)
        {
            errors.Add("$.budget.wall_clock_limit", Invariant($"must be longer than zero, not {limit:c}"));
        }
    }

    private static void AtLeastOne(string path, int value, SpecErrorList errors)
    {
        if (value < 1)
        {
            errors.Add(path, Invariant($"must be at least 1, not {value}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
