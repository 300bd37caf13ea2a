using HyperTune.Search.Specs;

namespace HyperTune.Search.Spaces;

/// <summary>The structural checks of a <see cref="SearchSpace"/> and its parents-first order.</summary>
internal static class SearchSpaceStructure
{
    /// <summary>Every structural problem of the space.</summary>
    public static IEnumerable<SpecError> Validate(SearchSpace space, string path)
    {
        foreach (var parameter in space.Parameters)
        {
            var parameterPath = JsonPaths.Property(path, parameter.Name);
            var domainPath = parameter.Domain is FixedDomain && parameter.When is not null ? JsonPaths.Property(parameterPath, "value") : parameterPath;
            foreach (var error in parameter.Domain.Validate(domainPath))
            {
                yield return error;
            }

            if (parameter.When is { } when)
            {
                foreach (var error in ValidateCondition(space, parameter.Name, when, JsonPaths.Property(parameterPath, "when")))
                {
                    yield return error;
                }
            }
        }

        foreach (var parameter in space.Parameters)
        {
            if (CycleThrough(space, parameter) is { } cycle)
            {
                yield return new SpecError(
                    JsonPaths.Property(JsonPaths.Property(path, parameter.Name), "when"),
                    $"conditions form a cycle: {string.Join(" depends on ", cycle)}");
            }
        }
    }

    /// <summary>Parents first: by depth of the condition chain, then by name. Assumes a valid space.</summary>
    public static IReadOnlyList<SearchParameter> SamplingOrder(SearchSpace space) =>
        [.. space.Parameters.OrderBy(p => Depth(space, p)).ThenBy(p => p.Name, StringComparer.Ordinal)];

    private static IEnumerable<SpecError> ValidateCondition(SearchSpace space, string name, ParameterCondition when, string whenPath)
    {
        var parentPath = JsonPaths.Property(whenPath, when.Parent);
        if (!space.TryGet(when.Parent, out var parent))
        {
            yield return new SpecError(parentPath, $"'{SpecText.Shorten(name)}' depends on '{SpecText.Shorten(when.Parent)}', which is not in the search space");
            yield break;
        }

        if (when.Values.Count == 0)
        {
            yield return new SpecError(parentPath, "must list at least one value of the parent");
        }

        if (string.Equals(parent.Name, name, StringComparison.Ordinal))
        {
            yield break; // reported as a cycle
        }

        if (!parent.Domain.IsDiscrete)
        {
            yield return new SpecError(parentPath, $"the parent '{parent.Name}' is {parent.Domain.TypeName}; a condition needs a parent with listed values (choice, int or fixed)");
            yield break;
        }

        for (var i = 0; i < when.Values.Count; i++)
        {
            if (!parent.Domain.Contains(when.Values[i]))
            {
                yield return new SpecError(JsonPaths.Index(parentPath, i), $"{when.Values[i]} is not a value of '{parent.Name}'");
            }
        }
    }

    /// <summary>The names around the cycle when <paramref name="start"/> lies on one; otherwise null.</summary>
    private static List<string>? CycleThrough(SearchSpace space, SearchParameter start)
    {
        var chain = new List<string> { start.Name };
        var current = start;
        while (current.When is { } when && space.TryGet(when.Parent, out var parent))
        {
            if (string.Equals(parent.Name, start.Name, StringComparison.Ordinal))
            {
                chain.Add(start.Name);
                return chain;
            }

            if (chain.Contains(parent.Name, StringComparer.Ordinal))
            {
                return null; // a cycle further up, not through start
            }

            chain.Add(parent.Name);
            current = parent;
        }

        return null;
    }

    private static int Depth(SearchSpace space, SearchParameter parameter)
    {
        var depth = 0;
        var current = parameter;
        while (current.When is { } when && space.TryGet(when.Parent, out var parent) && depth <= space.Count)
        {
            depth++;
            current = parent;
        }

        return depth;
    }
}
