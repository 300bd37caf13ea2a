using System.Globalization;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers.GridSearch;

/// <summary>The <c>grid</c> searcher kind.</summary>
public sealed class GridSearcherProvider : SearcherProvider<GridSearcherOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "grid";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>A grid needs listed values everywhere and at most <see cref="GridSearcherOptions.MaxPoints"/> points.</summary>
    internal static IEnumerable<SpecError> ValidateGrid(SearchSpace space, GridSearcherOptions options)
    {
        var continuous = GridEnumerator.ContinuousParameters(space).ToList();
        foreach (var parameter in continuous)
        {
            yield return new SpecError(
                JsonPaths.Property("$.search_space", parameter.Name),
                $"grid search needs listed values, but '{parameter.Name}' is {parameter.Domain.TypeName}; use {{\"type\": \"choice\", \"values\": [...]}}");
        }

        if (continuous.Count == 0 && space.Validate().Count == 0 && GridEnumerator.Count(space, options.MaxPoints) > options.MaxPoints)
        {
            yield return new SpecError(
                "$.search_space",
                string.Create(CultureInfo.InvariantCulture, $"the grid has more than max_points ({options.MaxPoints}) points"));
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<SpecError> Validate(StudySpec spec, GridSearcherOptions options) => ValidateGrid(spec.SearchSpace, options);

    /// <inheritdoc />
    protected override ISearcher Create(StudySpec spec, GridSearcherOptions options) => new GridSearcher(spec, options);
}
