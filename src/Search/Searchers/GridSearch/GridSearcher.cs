using System.Text.Json.Nodes;
using HyperTune.Search.Randomness;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.GridSearch;

/// <summary>
/// Suggests every point of the grid once, in a fixed order (or a seeded shuffle), and is finished after the last
/// point or after <c>max_trials</c> suggestions, whichever comes first. Every parameter needs listed values: choice,
/// int (every step) or fixed. Conditional parameters are expanded only under the parent values that activate them.
/// </summary>
public sealed class GridSearcher : SearcherBase
{
    private const string NextProperty = "next";
    private int _next;

    /// <summary>Creates the searcher of a spec and lists its grid.</summary>
    /// <exception cref="StudySpecException">The space is invalid, has a continuous parameter, or its grid exceeds <see cref="GridSearcherOptions.MaxPoints"/>.</exception>
    public GridSearcher(StudySpec spec, GridSearcherOptions? options = null)
        : base(spec)
    {
        options ??= new GridSearcherOptions();
        var errors = GridSearcherProvider.ValidateGrid(spec.SearchSpace, options).ToList();
        if (errors.Count > 0)
        {
            throw new StudySpecException(errors);
        }

        var points = GridEnumerator.Enumerate(spec.SearchSpace).ToArray();
        if (options.Shuffle)
        {
            var random = new PortableRandom(spec.Seed);
            for (var i = points.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (points[i], points[j]) = (points[j], points[i]);
            }
        }

        Points = points;
    }

    /// <inheritdoc />
    public override string Kind => GridSearcherProvider.KindName;

    /// <summary>Every grid point, in the order they are suggested.</summary>
    public IReadOnlyList<TrialConfig> Points { get; }

    /// <inheritdoc />
    protected override SuggestResult SuggestNext(int index) =>
        _next < Points.Count ? SuggestResult.Suggested(Points[_next++]) : SuggestResult.Finished;

    /// <inheritdoc />
    protected override JsonObject SaveAlgorithmState() => new() { [NextProperty] = _next };

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject state)
    {
        var next = state[NextProperty]?.GetValue<int>() ?? throw new InvalidOperationException("The grid searcher state has no position.");
        if (next < 0 || next > Points.Count)
        {
            throw new InvalidOperationException($"The grid searcher state points at {next}, outside a grid of {Points.Count}.");
        }

        _next = next;
    }
}
