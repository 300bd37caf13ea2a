using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.GridSearch;

/// <summary>
/// Lists the grid of a discrete search space: the cartesian product of every parameter's values, where a conditional
/// parameter is expanded only under parent values that activate it, so no config appears twice. Parameters are taken
/// in <see cref="SearchSpace.SamplingOrder"/>; the first varies slowest, values in their listed order.
/// </summary>
internal static class GridEnumerator
{
    /// <summary>The continuous parameters, which a grid cannot list.</summary>
    public static IEnumerable<SearchParameter> ContinuousParameters(SearchSpace space) =>
        space.Parameters.Where(p => !p.Domain.IsDiscrete);

    /// <summary>The number of grid points, counting no further than <paramref name="limit"/> + 1; builds no configs.</summary>
    public static long Count(SearchSpace space, long limit)
    {
        long count = 0;
        CountFrom(space.SamplingOrder, 0, new Dictionary<string, ParameterValue>(StringComparer.Ordinal), ref count, limit);
        return count;
    }

    /// <summary>Every grid point, lazily.</summary>
    public static IEnumerable<TrialConfig> Enumerate(SearchSpace space)
    {
        var order = space.SamplingOrder;
        var partial = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        return Expand(order, 0, partial);
    }

    private static void CountFrom(IReadOnlyList<SearchParameter> order, int position, Dictionary<string, ParameterValue> partial, ref long count, long limit)
    {
        if (count > limit)
        {
            return;
        }

        if (position == order.Count)
        {
            count++;
            return;
        }

        var parameter = order[position];
        if (!SearchSpace.IsActive(parameter, partial))
        {
            CountFrom(order, position + 1, partial, ref count, limit);
            return;
        }

        foreach (var value in parameter.Domain.Enumerate())
        {
            if (count > limit)
            {
                break;
            }

            partial[parameter.Name] = value;
            CountFrom(order, position + 1, partial, ref count, limit);
        }

        partial.Remove(parameter.Name);
    }

    private static IEnumerable<TrialConfig> Expand(IReadOnlyList<SearchParameter> order, int position, Dictionary<string, ParameterValue> partial)
    {
        if (position == order.Count)
        {
            yield return new TrialConfig(partial);
            yield break;
        }

        var parameter = order[position];
        if (!SearchSpace.IsActive(parameter, partial))
        {
            foreach (var config in Expand(order, position + 1, partial))
            {
                yield return config;
            }

            yield break;
        }

        foreach (var value in parameter.Domain.Enumerate())
        {
            partial[parameter.Name] = value;
            foreach (var config in Expand(order, position + 1, partial))
            {
                yield return config;
            }
        }

        partial.Remove(parameter.Name);
    }
}
