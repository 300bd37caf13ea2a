using System.Text.Json.Nodes;
using HyperTune.Search.Randomness;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers.RandomSearch;

/// <summary>
/// Draws every config independently from the search space, until <c>max_trials</c> configs are suggested. Equal seeds
/// give equal sequences; the random stream (<see cref="PortableRandom"/>) is part of the saved state, so a restored
/// searcher continues with exactly the configs the saved one would have suggested.
/// </summary>
public sealed class RandomSearcher : SearcherBase
{
    private const string RandomProperty = "random";
    private PortableRandom _random;

    /// <summary>Creates the searcher of a spec.</summary>
    /// <exception cref="StudySpecException">The search space is structurally invalid.</exception>
    public RandomSearcher(StudySpec spec, RandomSearcherOptions? options = null)
        : base(spec)
    {
        _random = new PortableRandom(options?.Seed ?? spec.Seed);
    }

    /// <inheritdoc />
    public override string Kind => RandomSearcherProvider.KindName;

    /// <inheritdoc />
    protected override SuggestResult SuggestNext(int index) => SuggestResult.Suggested(Spec.SearchSpace.Sample(_random));

    /// <inheritdoc />
    protected override JsonObject SaveAlgorithmState() => new() { [RandomProperty] = _random.SaveState() };

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject state)
    {
        var text = state[RandomProperty]?.GetValue<string>() ?? throw new InvalidOperationException("The random searcher state has no random stream.");
        try
        {
            _random = PortableRandom.FromState(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("The random searcher state is malformed: " + e.Message, e);
        }
    }
}
