using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>The <c>pbt</c> scheduler kind.</summary>
public sealed class PbtSchedulerProvider : SchedulerProvider<PbtSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "pbt";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override IEnumerable<SpecError> Validate(StudySpec spec, PbtSchedulerOptions options)
    {
        if (spec.CheckpointInterval <= 0)
        {
            yield return new SpecError(OptionsPath, "pbt takes over other trials' checkpoints: set checkpoint_interval above 0");
        }

        for (var i = 0; i < options.HyperparamMutations.Count; i++)
        {
            var name = options.HyperparamMutations[i];
            var path = JsonPaths.Index(PathOf("hyperparam_mutations"), i);
            if (name == HyperparameterNames.LearningRate)
            {
                continue;
            }

            if (ModelShapeParameters.Contains(name))
            {
                yield return new SpecError(path, $"'{name}' shapes the model or optimizer, so another trial's checkpoint would not fit; it cannot be perturbed");
            }
            else if (!spec.SearchSpace.TryGet(name, out var parameter) || parameter.Domain is FixedDomain)
            {
                yield return new SpecError(path, $"'{name}' is not searched; perturb learning_rate or a parameter of search_space");
            }
        }
    }

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, PbtSchedulerOptions options, TimeProvider time) => new PbtScheduler(spec, options, time);
}
