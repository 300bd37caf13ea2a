using System.Globalization;
using System.Text;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Schedulers.Pbt;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.Tpe;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;
using HyperTune.Search.Tests.Schedulers;

namespace HyperTune.Search.Tests.Algorithms;

/// <summary>The state in parts, as every searcher and scheduler saves it (<see cref="AlgorithmBase{TTrial}"/>).</summary>
public sealed class AlgorithmBaseTests
{
    public static TheoryData<string> SearcherKinds => [.. AlgorithmRegistry.Default.SearcherKinds];

    public static TheoryData<string> SchedulerKinds => [.. AlgorithmRegistry.Default.SchedulerKinds];

    [Theory]
    [MemberData(nameof(SearcherKinds))]
    public void SaveShared_SearcherAt10And10000Trials_SameSizeButTheCountsDigits(string kind)
    {
        var searcher = SearcherFactory.Create(BigSearcherSpec(kind));
        RunSearcher(searcher, 0, 10);
        var at10 = searcher.SaveShared().Length;
        RunSearcher(searcher, 10, 10_000);

        Assert.InRange(searcher.SaveShared().Length - at10, 0, 6); // counters' digits: trial_count, grid's next
    }

    [Theory]
    [MemberData(nameof(SchedulerKinds))]
    public void SaveShared_SchedulerAt10And10000Trials_SameSizeButTheCountsDigits(string kind)
    {
        var options = kind == "pbt" ? new PbtSchedulerOptions { PerturbationInterval = 1, QuantileFraction = 0.5 } : null;
        var scheduler = SchedulerFactory.Create(SchedulerScript.Spec(kind, options, maxEpochs: 9, checkpointInterval: 1));
        RunScheduler(scheduler, 0, 10);
        var at10 = scheduler.SaveShared().Length;
        RunScheduler(scheduler, 10, 10_000);

        Assert.InRange(scheduler.SaveShared().Length - at10, 0, 6); // counters' digits: trial_count, pbt's lineage_count
        Assert.True(kind != "pbt" || ((PbtScheduler)scheduler).Lineage.Count > 100, "pbt exploited");
    }

    [Fact]
    public void TakeChangedTrials_SchedulerEvents_EachTouchedTrialOnceThenNone()
    {
        var scheduler = SchedulerFactory.Create(SchedulerScript.Spec("none"));
        scheduler.OnTrialAdded("a", SchedulerScript.Config(0.1));
        scheduler.OnTrialAdded("b", SchedulerScript.Config(0.1));
        Assert.Equal(["a", "b"], scheduler.TakeChangedTrials().Order());
        Assert.Empty(scheduler.TakeChangedTrials());

        scheduler.OnTrialResult("a", 1, SchedulerScript.Accuracy(0.5));
        scheduler.OnCheckpoint("a", 1);
        scheduler.OnTrialAdded("a", SchedulerScript.Config(0.2)); // known: no change
        Assert.Equal(["a"], scheduler.TakeChangedTrials());

        scheduler.OnTrialComplete("b", failed: false);
        scheduler.OnTrialResult("unknown", 1, SchedulerScript.Accuracy(0.5));
        Assert.Equal(["b"], scheduler.TakeChangedTrials());

        scheduler.OnTrialResult("b", 2, SchedulerScript.Accuracy(0.5)); // ended: ignored
        scheduler.OnTrialComplete("b", failed: true);
        Assert.Empty(scheduler.TakeChangedTrials());
    }

    [Fact]
    public void TakeChangedTrials_SearcherEvents_EachTouchedTrialOnceThenNone()
    {
        var searcher = SearcherFactory.Create(TestSpecs.Example);
        searcher.Suggest("a");
        searcher.Suggest("b");
        Assert.Equal(["a", "b"], searcher.TakeChangedTrials().Order());

        searcher.Suggest("a"); // known: same config, no change
        searcher.OnTrialResult("a", 1, SchedulerScript.Accuracy(0.5));
        searcher.OnTrialResult("a", 2, SchedulerScript.Accuracy(0.6));
        searcher.OnTrialComplete("unknown", null, failed: false);
        Assert.Equal(["a"], searcher.TakeChangedTrials());

        searcher.OnTrialComplete("b", null, failed: true);
        Assert.Equal(["b"], searcher.TakeChangedTrials());
        Assert.Empty(searcher.TakeChangedTrials());
    }

    [Fact]
    public void SaveTrial_UnknownTrial_Null() => Assert.Null(SearcherFactory.Create(TestSpecs.Example).SaveTrial("nobody"));

    [Fact]
    public void Restore_Parts_SameStateAndNothingChanged()
    {
        var (original, store) = Stored();
        var restored = SchedulerFactory.Create(AshaSpec);

        restored.Restore(store.Shared, store.Trials);

        Assert.Equal(original.SaveState(), restored.SaveState());
        Assert.Empty(restored.TakeChangedTrials());
    }

    [Fact]
    public void RestoreState_WholeState_EveryTrialChanged()
    {
        var (original, _) = Stored();
        var restored = SchedulerFactory.Create(AshaSpec);

        restored.RestoreState(original.SaveState());

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"t{i}"), restored.TakeChangedTrials().Order());
    }

    [Fact]
    public void Restore_PartMissing_ThrowsNamingTheCounts()
    {
        var (_, store) = Stored();
        store.Trials.Remove("t3");

        var error = Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, store.Trials));

        Assert.Contains("counts 6 trials but has 5 trial parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_PartUnderAnotherId_Throws()
    {
        var (_, store) = Stored();
        var rows = store.Trials.ToDictionary();
        (rows["t1"], rows["t2"]) = (rows["t2"], rows["t1"]);

        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, rows));
    }

    [Fact]
    public void Restore_TwoPartsOfOneIndex_Throws()
    {
        var (_, store) = Stored();
        store.Trials["t5"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(store.Trials["t4"]).Replace("\"t4\"", "\"t5\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, store.Trials));

        Assert.Contains("indexes 0 to 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_MalformedPart_ThrowsInvalidOperation()
    {
        var (_, store) = Stored();
        store.Trials["t2"] = "{\"id\":\"t2\",\"index\":\"two\"}"u8.ToArray();

        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, store.Trials));
        store.Trials["t2"] = "not json"u8.ToArray();
        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, store.Trials));
    }

    [Fact]
    public void Restore_RungScoreAtNoRung_Throws()
    {
        var (_, store) = Stored();
        store.Trials["t2"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(store.Trials["t2"]).Replace("\"rungs\":[{\"epoch\":1", "\"rungs\":[{\"epoch\":7", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(store.Shared, store.Trials));

        Assert.Contains("no rung", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_WholeStateAsSharedPart_Throws()
    {
        var (original, store) = Stored();

        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).Restore(original.SaveState(), store.Trials));
        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec).RestoreState(store.Shared));
    }

    [Fact]
    public void Restore_PartsOfAnotherKindOrSpec_Throws()
    {
        var (_, store) = Stored();

        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(SchedulerScript.Spec("median")).Restore(store.Shared, store.Trials));
        Assert.Throws<InvalidOperationException>(() => SchedulerFactory.Create(AshaSpec with { Seed = 1 }).Restore(store.Shared, store.Trials));
    }

    private static StudySpec AshaSpec => SchedulerScript.Spec("asha", new AshaSchedulerOptions { ReductionFactor = 2 }, maxEpochs: 8);

    /// <summary>An ASHA scheduler after six trials, and a store of its parts.</summary>
    private static (ITrialScheduler Scheduler, PartStore Store) Stored()
    {
        var scheduler = SchedulerFactory.Create(AshaSpec);
        var store = new PartStore();
        for (var i = 0; i < 6; i++)
        {
            var id = $"t{i}";
            scheduler.OnTrialAdded(id, SchedulerScript.Config(0.1));
            scheduler.OnTrialResult(id, 1, SchedulerScript.Accuracy(i / 10.0));
            scheduler.OnTrialResult(id, 2, SchedulerScript.Accuracy(i / 9.0));
            store.Flush(scheduler);
        }

        return (scheduler, store);
    }

    private static StudySpec BigSearcherSpec(string kind)
    {
        var budget = new BudgetSpec { MaxTrials = 20_000 };
        return kind switch
        {
            "grid" => TestSpecs.Example with
            {
                Budget = budget,
                Searcher = new SearcherSpec("grid", AlgorithmOptions.FromObject(new { shuffle = true })),
                SearchSpace = new SearchSpace([new SearchParameter("x", new IntDomain(1, 200)), new SearchParameter("y", new IntDomain(1, 100))]),
            },
            "tpe" => TestSpecs.Example with
            {
                Budget = budget,
                Searcher = new SearcherSpec("tpe", AlgorithmOptions.FromObject(new TpeSearcherOptions { NStartupTrials = 9_990 })),
            },
            _ => TestSpecs.Example with { Budget = budget, Searcher = new SearcherSpec(kind) },
        };
    }

    private static void RunSearcher(ISearcher searcher, int from, int to)
    {
        var random = new Random(from);
        for (var i = from; i < to; i++)
        {
            var id = "t" + i.ToString(CultureInfo.InvariantCulture);
            Assert.True(searcher.Suggest(id).HasConfig);
            searcher.OnTrialResult(id, 1, SchedulerScript.Accuracy(random.NextDouble()));
            searcher.OnTrialComplete(id, null, failed: i % 10 == 3);
            searcher.TakeChangedTrials();
        }
    }

    private static void RunScheduler(ITrialScheduler scheduler, int from, int to)
    {
        var random = new Random(from);
        for (var i = from; i < to; i += 4)
        {
            var ids = Enumerable.Range(i, 4).Select(n => "t" + n.ToString(CultureInfo.InvariantCulture)).ToList();
            ids.ForEach(id => scheduler.OnTrialAdded(id, SchedulerScript.Config(0.01)));
            for (var epoch = 1; epoch <= 9; epoch++)
            {
                foreach (var id in ids)
                {
                    scheduler.OnTrialResult(id, epoch, SchedulerScript.Accuracy(random.NextDouble()));
                    scheduler.OnCheckpoint(id, epoch);
                }
            }

            ids.ForEach(id => scheduler.OnTrialComplete(id, failed: false));
            scheduler.TakeChangedTrials();
        }
    }
}
