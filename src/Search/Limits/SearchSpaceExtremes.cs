using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Limits;

/// <summary>
/// The extreme values a search space can give a hyperparameter: its domain's, and the engine's default when the space
/// leaves it out or may (a parameter with a condition).
/// </summary>
internal static class SearchSpaceExtremes
{
    /// <summary>The largest number <paramref name="name"/> can take; <paramref name="fallback"/> when the space may leave it out.</summary>
    public static double Largest(SearchSpace space, string name, double fallback)
    {
        if (!space.TryGet(name, out var parameter))
        {
            return fallback;
        }

        var largest = LargestOf(parameter.Domain) ?? fallback;
        return parameter.When is null ? largest : Math.Max(largest, fallback);
    }

    /// <summary>Every value <paramref name="name"/> can take, with <paramref name="fallback"/> when the space may leave it out.</summary>
    public static IEnumerable<ParameterValue> Possible(SearchSpace space, string name, ParameterValue fallback)
    {
        if (!space.TryGet(name, out var parameter))
        {
            return [fallback];
        }

        IEnumerable<ParameterValue> values = parameter.Domain switch
        {
            CategoricalDomain choice => choice.Values,
            FixedDomain value => [value.Value],
            _ => [fallback],
        };
        return parameter.When is null ? values : values.Append(fallback);
    }

    /// <summary>The engine's default of <paramref name="name"/> as a number.</summary>
    public static double DefaultNumber(string name) =>
        HyperparameterCatalog.TryGet(name, out var definition) && HyperparameterDefinition.TryGetNumber(definition.Default, out var value) ? value : 0;

    /// <summary>The engine's default of <paramref name="name"/> as a value.</summary>
    public static ParameterValue DefaultValue(string name) =>
        HyperparameterCatalog.TryGet(name, out var definition)
            ? definition.Default switch
            {
                bool b => ParameterValue.Of(b),
                string s => ParameterValue.Of(s),
                long l => ParameterValue.Of(l),
                int i => ParameterValue.Of(i),
                double d => ParameterValue.Of(d),
                _ => ParameterValue.Of(0.0),
            }
            : ParameterValue.Of(0.0);

    private static double? LargestOf(ParameterDomain domain) => domain switch
    {
        IntDomain d when d.Step >= 1 && d.High >= d.Low => d.Low + ((double)((unchecked((ulong)(d.High - d.Low)) / (ulong)d.Step) * (ulong)d.Step)),
        IntDomain d => d.High,
        UniformFloatDomain d => d.High,
        LogUniformFloatDomain d => d.High,
        CategoricalDomain d => d.Values.Where(v => v.IsNumber).Select(v => (double?)v.AsDouble()).Max(),
        FixedDomain { Value.IsNumber: true } d => d.Value.AsDouble(),
        _ => null,
    };
}
