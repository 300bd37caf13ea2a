using System.Globalization;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Limits;

/// <summary>
/// Checks a study spec against what a cluster allows (<see cref="StudyLimits"/>), each problem with the JSON path of
/// the field to change: the trial and epoch budget, the size of the search space and of its choice lists, the batch
/// size, and the worst model the space can produce — its parameters and its training memory on the dataset
/// (<see cref="TrainingMemoryEstimator"/>). Pure: the dataset's shape comes from the caller (a silo reads a csv file's
/// header; the built-in kinds are known from their spec). The synthetic trainable builds no model: only the budget and
/// the search space are checked for it.
/// </summary>
public static class StudySpecLimitsValidator
{
    /// <summary>Every limit <paramref name="spec"/> exceeds; empty when it fits.</summary>
    /// <param name="spec">A spec that passed <see cref="StudySpecValidator"/>.</param>
    /// <param name="limits">The cluster's limits, with <see cref="StudyLimits.MaxTrainingMemoryBytes"/> worked out.</param>
    /// <param name="shape">
    /// The dataset's shape; null to take it from the spec (<see cref="DatasetShapes.FromSpec"/>) or, for a csv file not
    /// read, <see cref="DatasetShape.Smallest"/> — so only a model too big for any data is refused.
    /// </param>
    public static IReadOnlyList<SpecError> Validate(StudySpec spec, StudyLimits limits, DatasetShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<SpecError>();
        var budget = spec.Budget;
        if (budget.MaxTrials > limits.MaxTrials)
        {
            errors.Add(new("$.budget.max_trials", Invariant($"must be at most {limits.MaxTrials:N0} on this cluster (HyperTune:Limits:MaxTrials), not {budget.MaxTrials:N0}")));
        }

        if (budget.MaxEpochsPerTrial > limits.MaxEpochsPerTrial)
        {
            errors.Add(new("$.budget.max_epochs_per_trial", Invariant($"must be at most {limits.MaxEpochsPerTrial:N0} on this cluster (HyperTune:Limits:MaxEpochsPerTrial), not {budget.MaxEpochsPerTrial:N0}")));
        }

        var space = spec.SearchSpace;
        if (space.Count > limits.MaxSearchSpaceParameters)
        {
            errors.Add(new("$.search_space", Invariant($"has {space.Count:N0} hyperparameters; this cluster allows at most {limits.MaxSearchSpaceParameters:N0} (HyperTune:Limits:MaxSearchSpaceParameters)")));
        }

        foreach (var parameter in space.Parameters)
        {
            if (parameter.Domain is CategoricalDomain choice && choice.Values.Count > limits.MaxChoiceValues)
            {
                errors.Add(new(
                    JsonPaths.Property(JsonPaths.Property("$.search_space", parameter.Name), "values"),
                    Invariant($"lists {choice.Values.Count:N0} values; this cluster allows at most {limits.MaxChoiceValues:N0} (HyperTune:Limits:MaxChoiceValues)")));
            }
        }

        if (spec.Trainable.IsSynthetic)
        {
            return errors;
        }

        var model = WorstCaseModel(spec);
        if (model.BatchSize > limits.MaxBatchSize)
        {
            errors.Add(new(Field(space, HyperparameterNames.BatchSize), Invariant($"can be as large as {model.BatchSize:N0}; this cluster allows batches of at most {limits.MaxBatchSize:N0} (HyperTune:Limits:MaxBatchSize)")));
        }

        shape ??= DatasetShapes.FromSpec(spec.Dataset) ?? DatasetShape.Smallest;
        var estimate = TrainingMemoryEstimator.Estimate(model, shape);
        var described = Invariant($"a model of {DescribeLayers(model.HiddenUnits)} on {shape.Features:N0} inputs has {Quantities.Count(estimate.Parameters)} parameters (≈ {Quantities.Bytes(estimate.TotalBytes)} to train)");
        if (estimate.Parameters > limits.MaxParameters)
        {
            errors.Add(new(ModelField(space), Invariant($"{described}; this cluster allows at most {Quantities.Count(limits.MaxParameters)} parameters (HyperTune:Limits:MaxParameters)")));
        }
        else if (limits.MaxTrainingMemoryBytes > 0 && estimate.TotalBytes > limits.MaxTrainingMemoryBytes)
        {
            errors.Add(new(MemoryField(space, estimate), Invariant($"{described}{Breakdown(estimate)}; this cluster allows at most {Quantities.Bytes(limits.MaxTrainingMemoryBytes)} per trial (HyperTune:Limits:MaxTrainingMemoryBytes)")));
        }

        return errors;
    }

    /// <summary>
    /// The largest model the space can produce, each dimension at its largest: the most hidden layers, each at its
    /// widest, the largest batch, the optimizer that keeps the most state, batch norm and dropout when the space can turn
    /// them on. Memory grows with each, so this bounds every trial's.
    /// </summary>
    public static ModelSize WorstCaseModel(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var space = spec.SearchSpace;
        var layers = (int)Math.Clamp(SearchSpaceExtremes.Largest(space, HyperparameterNames.HiddenLayers, SearchSpaceExtremes.DefaultNumber(HyperparameterNames.HiddenLayers)), 1, HyperparameterNames.MaxHiddenLayers);
        var width = SearchSpaceExtremes.Largest(space, HyperparameterNames.HiddenUnits, SearchSpaceExtremes.DefaultNumber(HyperparameterNames.HiddenUnits));
        var units = new int[layers];
        for (var i = 0; i < layers; i++)
        {
            units[i] = ClampToInt(SearchSpaceExtremes.Largest(space, HyperparameterNames.HiddenUnitsOfLayer(i + 1), width));
        }

        var batch = ClampToInt(SearchSpaceExtremes.Largest(space, HyperparameterNames.BatchSize, SearchSpaceExtremes.DefaultNumber(HyperparameterNames.BatchSize)));
        var momentum = SearchSpaceExtremes.Largest(space, HyperparameterNames.Momentum, SearchSpaceExtremes.DefaultNumber(HyperparameterNames.Momentum)) > 0;
        var copies = SearchSpaceExtremes.Possible(space, HyperparameterNames.Optimizer, SearchSpaceExtremes.DefaultValue(HyperparameterNames.Optimizer))
            .Select(v => TrainingMemoryEstimator.OptimizerStateCopies(v.ToString(), momentum))
            .Max();
        var batchNorm = SearchSpaceExtremes.Possible(space, HyperparameterNames.BatchNorm, SearchSpaceExtremes.DefaultValue(HyperparameterNames.BatchNorm))
            .Any(v => v.Kind == Values.ParameterValueKind.Bool && v.AsBool());
        var dropout = SearchSpaceExtremes.Largest(space, HyperparameterNames.Dropout, SearchSpaceExtremes.DefaultNumber(HyperparameterNames.Dropout)) > 0;
        return new ModelSize(units, batch, copies, batchNorm, dropout, spec.CheckpointInterval > 0);
    }

    /// <summary><c>8 layers × 65,536 units</c>, or <c>3 layers of 512, 1,024 and 64 units</c>.</summary>
    public static string DescribeLayers(IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return "no hidden layer";
        }

        var layers = units.Count == 1 ? "1 layer" : Invariant($"{units.Count} layers");
        if (units.All(u => u == units[0]))
        {
            return Invariant($"{layers} × {units[0]:N0} units");
        }

        var widths = units.Select(u => u.ToString("N0", CultureInfo.InvariantCulture)).ToArray();
        return $"{layers} of {string.Join(", ", widths[..^1])} and {widths[^1]} units";
    }

    private static string Breakdown(TrainingMemoryEstimate estimate) => Invariant(
        $": weights, gradients and optimizer state {Quantities.Bytes(estimate.WeightBytes)}, activations {Quantities.Bytes(Math.Max(estimate.ActivationBytes, estimate.EvaluationBytes))}, data {Quantities.Bytes(estimate.DataBytes)}");

    private static string ModelField(SearchSpace space)
    {
        if (space.TryGet(HyperparameterNames.HiddenUnits, out _))
        {
            return "$.search_space.hidden_units";
        }

        var layer = space.Parameters.FirstOrDefault(p => p.Name.StartsWith(HyperparameterNames.HiddenUnitsLayerPrefix, StringComparison.Ordinal));
        return layer is not null ? JsonPaths.Property("$.search_space", layer.Name) : Field(space, HyperparameterNames.HiddenLayers);
    }

    private static string MemoryField(SearchSpace space, TrainingMemoryEstimate estimate)
    {
        var activations = Math.Max(estimate.ActivationBytes, estimate.EvaluationBytes);
        if (estimate.WeightBytes >= activations && estimate.WeightBytes >= estimate.DataBytes)
        {
            return ModelField(space);
        }

        return estimate.ActivationBytes >= estimate.DataBytes && estimate.ActivationBytes >= estimate.EvaluationBytes
            ? Field(space, HyperparameterNames.BatchSize)
            : "$.dataset";
    }

    private static string Field(SearchSpace space, string name) =>
        space.TryGet(name, out _) ? JsonPaths.Property("$.search_space", name) : "$.search_space";

    private static int ClampToInt(double value) => (int)Math.Clamp(value, 1, int.MaxValue);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
