using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>
/// PBT's explore step: perturbs the named hyperparameters of a config. A number is multiplied by a random factor of
/// <see cref="PbtSchedulerOptions.PerturbationFactors"/> (kept in its domain; ints rounded to their step) or, with
/// <see cref="PbtSchedulerOptions.ResampleProbability"/>, drawn afresh from its domain; a choice moves to a
/// neighbouring value or is drawn afresh. Conditional parameters switched on by the change are drawn, those switched
/// off are dropped, so the result is a config of the space.
/// </summary>
internal sealed class PbtPerturber(SearchSpace space, PbtSchedulerOptions options)
{
    /// <summary>The perturbed config and, when the learning rate changed, new LR / old LR.</summary>
    public (TrialConfig Config, double? LearningRateFactor) Perturb(TrialConfig config, Random random)
    {
        var values = config.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        double? learningRateFactor = null;
        foreach (var name in options.HyperparamMutations)
        {
            var searched = space.TryGet(name, out var parameter) && parameter.Domain is not FixedDomain ? parameter : null;
            if (name == HyperparameterNames.LearningRate)
            {
                var old = values.TryGetValue(name, out var current) && current.IsNumber ? current.AsDouble() : DefaultLearningRate();
                var next = searched is not null && random.NextDouble() < options.ResampleProbability
                    ? searched.Domain.Sample(random).AsDouble()
                    : old * Factor(random);
                values[name] = ParameterValue.Of(next);
                learningRateFactor = next / old;
                continue;
            }

            if (searched is null || !values.TryGetValue(name, out var value))
            {
                continue; // not searched, or inactive in this config
            }

            values[name] = random.NextDouble() < options.ResampleProbability
                ? searched.Domain.Sample(random)
                : Perturb(searched.Domain, value, random);
        }

        return (Repair(values, random), learningRateFactor);
    }

    private ParameterValue Perturb(ParameterDomain domain, ParameterValue value, Random random)
    {
        switch (domain)
        {
            case UniformFloatDomain u:
                return ParameterValue.Of(Math.Clamp(value.AsDouble() * Factor(random), u.Low, u.High));
            case LogUniformFloatDomain l:
                return ParameterValue.Of(Math.Clamp(value.AsDouble() * Factor(random), l.Low, l.High));
            case IntDomain i:
                {
                    var scaled = value.AsDouble() * Factor(random);
                    var steps = Math.Round((scaled - i.Low) / i.Step, MidpointRounding.AwayFromZero);
                    var next = Math.Clamp(i.Low + ((long)Math.Max(steps, 0) * i.Step), i.Low, i.High);
                    return ParameterValue.Of(next);
                }

            case CategoricalDomain c:
                {
                    var index = c.Values.ToList().IndexOf(value);
                    var shifted = Math.Clamp(index + (random.Next(2) == 0 ? -1 : 1), 0, c.Values.Count - 1);
                    return index < 0 ? c.Sample(random) : c.Values[shifted];
                }

            default:
                return value;
        }
    }

    private double Factor(Random random) => options.PerturbationFactors[random.Next(options.PerturbationFactors.Count)];

    /// <summary>Drops parameters whose condition no longer holds and draws those that became active (parents first).</summary>
    private TrialConfig Repair(Dictionary<string, ParameterValue> values, Random random)
    {
        foreach (var parameter in space.SamplingOrder)
        {
            var active = SearchSpace.IsActive(parameter, values);
            if (!active)
            {
                values.Remove(parameter.Name);
            }
            else if (!values.ContainsKey(parameter.Name))
            {
                values[parameter.Name] = parameter.Domain.Sample(random);
            }
        }

        return new TrialConfig(values);
    }

    private static double DefaultLearningRate() =>
        HyperparameterCatalog.TryGet(HyperparameterNames.LearningRate, out var definition) && HyperparameterDefinition.TryGetNumber(definition.Default, out var number)
            ? number
            : 1e-3;
}
