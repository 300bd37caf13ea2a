using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Searchers;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Algorithms;

/// <summary>
/// The searcher side of the saved-state fixtures in LegacyStates/: specs per searcher kind and a seeded script of
/// suggestions, results and ends. The fixtures hold the state of the first half of the script as format 1 wrote it.
/// </summary>
internal static class LegacySearcherScript
{
    public static readonly string[] Kinds = ["random", "grid", "tpe"];

    public static StudySpec Spec(string kind) => kind switch
    {
        "grid" => StudySpecParser.ParseOrThrow(TestSpecs.Json(
            """{"hidden_layers": {"type":"int","low":1,"high":8}, "batch_size": {"type":"choice","values":[32,64,128]}}""",
            """{"kind":"grid","shuffle":true}""")) with { Budget = new BudgetSpec { MaxTrials = 40 }, Seed = 3 },
        _ => TestSpecs.Example with
        {
            Searcher = new SearcherSpec(kind, kind == "tpe" ? AlgorithmOptions.FromObject(new { n_startup_trials = 4 }) : AlgorithmOptions.Empty),
            Budget = new BudgetSpec { MaxTrials = 40 },
        },
    };

    /// <summary>Twenty trials; each event returns the suggested config's JSON (or "" for other events).</summary>
    public static IEnumerable<Func<ISearcher, string>> Events()
    {
        var random = new Random(11);
        for (var i = 0; i < 20; i++)
        {
            var id = $"t{i}";
            yield return s => s.Suggest(id) is { HasConfig: true } r ? r.Config.ToJson() : "";
            var value = i % 7 == 3 ? double.NaN : random.NextDouble();
            yield return s =>
            {
                s.OnTrialResult(id, 1, new Dictionary<string, double> { [MetricNames.ValidationAccuracy] = value });
                return "";
            };
            var failed = i % 5 == 2;
            var final = random.NextDouble();
            if (i % 3 != 1)
            {
                yield return s =>
                {
                    s.OnTrialComplete(id, failed ? null : new Dictionary<string, double> { [MetricNames.ValidationAccuracy] = final }, failed);
                    return "";
                };
            }
        }
    }
}
