using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class TrialViewTests
{
    private static readonly IReadOnlyList<TrialSeries> Trials = [.. Enumerable.Range(1, 10).Select(n => Trial(n, n == 4 ? double.NaN : n / 10.0))];

    [Fact]
    public void Charted_DefaultOrder_DrawsTheBestByTheObjectiveAmongTheFilteredRows()
    {
        var view = new TrialView { TopK = 3, Filter = "optimizer=adam" }; // odd trials

        var rows = view.Arrange(Trials, "acc", maximize: true);
        var charted = view.Charted(rows, maximize: true, Find);

        Assert.Equal([1, 3, 5, 7, 9], rows.Select(t => t.Number));
        Assert.Equal([9, 7, 5], charted.Select(t => t.Number));
    }

    [Fact]
    public void Charted_Minimize_DrawsTheLowestAndTrialsWithoutAValueLast()
    {
        var view = new TrialView { TopK = 4 };

        var charted = view.Charted(view.Arrange(Trials, "acc", false), maximize: false, Find);

        Assert.Equal([1, 2, 3, 5], charted.Select(t => t.Number));
    }

    [Fact]
    public void Charted_SortedByAColumn_DrawsTheFirstRowsAndThePinnedOnes()
    {
        var view = new TrialView { TopK = 2 };
        view.SortBy(TrialView.NumberColumn, maximize: true); // # descending
        view.SortBy("epoch", maximize: true);
        view.SortBy("epoch", maximize: true);                 // epoch descending: trial n trained n epochs
        view.Pinned.Add("s-0001");

        var charted = view.Charted(view.Arrange(Trials, "acc", true), true, Find);

        Assert.Equal([10, 9, 1], charted.Select(t => t.Number));
    }

    [Fact]
    public void Arrange_Brushes_KeepTheTrialsInsideEveryBrush()
    {
        var view = new TrialView();
        view.Brushes["acc"] = new AxisBrush("acc", 0.25, 0.75);
        view.Brushes["optimizer"] = new AxisBrush("optimizer", double.NaN, double.NaN, new HashSet<string> { "sgd" });

        Assert.Equal([6], view.Arrange(Trials, "acc", true).Select(t => t.Number)); // 3…7 and even; 4 has no value
    }

    [Fact]
    public void SortBy_Best_StartsWithTheBest()
    {
        var view = new TrialView();
        view.SortBy("best", maximize: true);

        var rows = view.Arrange(Trials, "acc", true);

        Assert.True(view.Descending);
        Assert.Equal(10, rows[0].Number);
        Assert.Equal(4, rows[^1].Number); // no value: last
    }

    private static TrialSeries? Find(string id) => Trials.FirstOrDefault(t => t.TrialId == id);

    private static TrialSeries Trial(int n, double objective)
    {
        var trial = new TrialSeries($"s-{n:D4}");
        var config = new TrialConfig(new Dictionary<string, ParameterValue> { ["optimizer"] = n % 2 == 1 ? "adam" : "sgd" });
        var metrics = ImmutableDictionary<string, double>.Empty.Add("acc", objective);
        trial.Apply(new TrialSnapshot(trial.TrialId, "s", n, TrialState.Running, null, config, n, 20, metrics, 0.1, "silo", null, null, 0));
        trial.Apply(new EpochMetrics(n, n, metrics, 0.1, 0, DateTimeOffset.UnixEpoch), [], "acc", maximize: true);
        return trial;
    }
}
