using System.ComponentModel.DataAnnotations;
using HyperTune.Search.Hyperparameters;

namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>
/// Options of the <c>pbt</c> scheduler (<c>"scheduler": {"kind": "pbt", "perturbation_interval": 5,
/// "hyperparam_mutations": ["learning_rate", "dropout"]}</c>). PBT needs checkpoints: the spec's
/// <c>checkpoint_interval</c> must be above 0.
/// </summary>
public sealed class PbtSchedulerOptions : IValidatableObject
{
    /// <summary>
    /// Epochs between a trial's exploit/explore steps. Default null: the spec's <c>checkpoint_interval</c> (so a fresh
    /// checkpoint exists at every step); at least 1.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? PerturbationInterval { get; init; }

    /// <summary>
    /// The share of the population in the bottom (exploiting) and top (exploited) quantiles. Default 0.25; more than 0,
    /// at most 0.5.
    /// </summary>
    [Range(0.01, 0.5)]
    public double QuantileFraction { get; init; } = 0.25;

    /// <summary>The chance that a mutated hyperparameter is drawn afresh from its domain instead of perturbed. Default 0.25; 0 to 1.</summary>
    [Range(0.0, 1.0)]
    public double ResampleProbability { get; init; } = 0.25;

    /// <summary>Numbers are multiplied by one of these, chosen at random. Default [0.8, 1.2]; each greater than 0.</summary>
    public IReadOnlyList<double> PerturbationFactors { get; init; } = [0.8, 1.2];

    /// <summary>
    /// The hyperparameters to perturb. Default [learning_rate]. Each must be <c>learning_rate</c> (always allowed: it is
    /// changed live by a factor) or a searched parameter; ones that shape the model or the optimizer's state
    /// (layers, units, activation, batch norm, optimizer) are not allowed, since the checkpoint must still fit.
    /// </summary>
    public IReadOnlyList<string> HyperparamMutations { get; init; } = [HyperparameterNames.LearningRate];

    /// <summary>Seed of the scheduler's random choices. Default null: the study's <c>seed</c>.</summary>
    public long? Seed { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PerturbationFactors is null || PerturbationFactors.Count == 0 || PerturbationFactors.Any(f => !(f > 0) || !double.IsFinite(f)))
        {
            yield return new ValidationResult("must list at least one factor, each a finite number greater than 0", [nameof(PerturbationFactors)]);
        }

        if (HyperparamMutations is null || HyperparamMutations.Count == 0)
        {
            yield return new ValidationResult("must name at least one hyperparameter", [nameof(HyperparamMutations)]);
        }
    }
}
