using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.Tpe;
using HyperTune.Search.Specs;
using HyperTune.Search.Tests.Algorithms;

namespace HyperTune.Search.Tests.Searchers;

/// <summary>The replay property (<see cref="ReplayCheck"/>) for every searcher kind, over many seeds.</summary>
public sealed class SearcherReplayTests
{
    private const int Seeds = 200;
    private const int Steps = 80;

    public static TheoryData<string> Kinds => [.. AlgorithmRegistry.Default.SearcherKinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Restore_FromStoredPartsAtRandomPoints_ReplicaAnswersEveryLaterEventAsTheOriginal(string kind)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var spec = Spec(kind, new Random(seed));
            ReplayCheck.Run(seed, Steps, () => SearcherFactory.Create(spec), NextEvent);
        }
    }

    /// <summary>A spec of the kind with options and an objective varied by the seed; budgets small enough to finish.</summary>
    internal static StudySpec Spec(string kind, Random random)
    {
        var objective = random.Next(2) == 0 ? ObjectiveSpec.For(MetricNames.ValidationAccuracy) : ObjectiveSpec.For(MetricNames.ValidationLoss);
        var budget = new BudgetSpec { MaxTrials = random.Next(15, 40) };
        return kind switch
        {
            "grid" => StudySpecParser.ParseOrThrow(TestSpecs.Json(
                """{"hidden_layers": {"type":"int","low":1,"high":4}, "schedule": {"type":"choice","values":["constant","step"]}, "step_size": {"type":"int","low":2,"high":4,"when":{"schedule":["step"]}}}""",
                random.Next(2) == 0 ? """{"kind":"grid"}""" : """{"kind":"grid","shuffle":true}""")) with
            { Objective = objective, Budget = budget, Seed = random.Next() },
            "tpe" => TestSpecs.Example with
            {
                Objective = objective,
                Budget = budget,
                Seed = random.Next(),
                Searcher = new SearcherSpec("tpe", AlgorithmOptions.FromObject(new TpeSearcherOptions
                {
                    NStartupTrials = random.Next(0, 5),
                    ConstantLiar = random.Next(2) == 0,
                    MaxHistory = 10,
                    MaxGood = random.Next(1, 4),
                    Gamma = 0.25,
                    NEiCandidates = 8,
                })),
            },
            _ => TestSpecs.Example with { Objective = objective, Budget = budget, Seed = random.Next(), Searcher = new SearcherSpec(kind) },
        };
    }

    /// <summary>Suggest (new ids, known ids), results (NaN, infinite, missing objective) and ends, for known and unknown trials.</summary>
    internal static ReplayCheck.Event<ISearcher> NextEvent(Random random, ISearcher original)
    {
        var known = ((SearcherBase)original).SuggestedCount;
        var id = random.Next(10) switch
        {
            0 => "unknown",
            < 4 => "t" + known.ToString(CultureInfo.InvariantCulture),
            _ => "t" + random.Next(known + 1).ToString(CultureInfo.InvariantCulture),
        };
        var epoch = random.Next(1, 6);
        var metrics = Metrics(random);
        var failed = random.Next(5) == 0;
        var final = random.Next(3) == 0 ? null : Metrics(random);
        return random.Next(10) switch
        {
            < 4 => s => Describe(s.Suggest(id)),
            < 8 => s =>
            {
                s.OnTrialResult(id, epoch, metrics);
                return "";
            },
            _ => s =>
            {
                s.OnTrialComplete(id, final, failed);
                return "";
            },
        };
    }

    /// <summary>Objective values of every kind a trial reports: mostly ordinary, sometimes NaN, infinite or missing.</summary>
    internal static Dictionary<string, double> Metrics(Random random)
    {
        double Value() => random.Next(20) switch
        {
            0 => double.NaN,
            1 => double.PositiveInfinity,
            2 => double.NegativeInfinity,
            _ => Math.Round(random.NextDouble(), random.Next(1, 4)), // rounded, so ties happen
        };

        return random.Next(10) == 0
            ? new() { ["other"] = Value() }
            : new() { [MetricNames.ValidationAccuracy] = Value(), [MetricNames.ValidationLoss] = Value() };
    }

    private static string Describe(SuggestResult result) => result.HasConfig ? result.Config.ToJson() : result.Status.ToString();
}
