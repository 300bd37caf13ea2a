using System.Collections.Immutable;
using System.Globalization;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Export;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Tests.Export;

public sealed class StudyCsvExporterTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Write_TwoTrials_HeaderThenOneRowPerTrialWithBestEpochLastMetricsAndHyperparameters()
    {
        var first = Trial(1, TrialState.Completed, new() { ["learning_rate"] = 0.01, ["optimizer"] = "adam" }, reason: null);
        var second = Trial(2, TrialState.Stopped, new() { ["learning_rate"] = 0.1, ["momentum"] = 0.9 }, reason: "stopped, said \"enough\"\nby hand");
        var history = new StudyHistory("s", [
            History(first.TrialId, (0.5, 1.0), (0.8, 0.7), (0.7, 0.6)),
            History(second.TrialId, (0.6, 0.9)),
        ]);

        var rows = Csv.Parse(StudyCsvExporter.Write(Study(maximize: true), [second, first], history));

        Assert.Equal(["trial_id", "number", "state", "epochs", "best_epoch", "best_val_accuracy", "train_loss", "val_accuracy",
            "learning_rate", "momentum", "optimizer", "reason"], rows[0]);
        Assert.Equal(["s-0001", "1", "Completed", "3", "2", "0.8", "0.6", "0.7", "0.01", "", "adam", ""], rows[1]);
        Assert.Equal(["s-0002", "2", "Stopped", "1", "1", "0.6", "0.9", "0.6", "0.1", "0.9", "", "stopped, said \"enough\"\nby hand"], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Write_MinimizedObjective_BestIsTheSmallestFiniteValue()
    {
        var trial = Trial(1, TrialState.Completed, new() { ["learning_rate"] = 0.01 });
        var history = new StudyHistory("s", [History(trial.TrialId, (double.NaN, 2.0), (0.3, 1.0), (0.1, 0.5), (0.2, 0.4))]);

        var rows = Csv.Parse(StudyCsvExporter.Write(Study(maximize: false, metric: "val_accuracy"), [trial], history));

        Assert.Equal(("3", "0.1"), (rows[1][4], rows[1][5]));
    }

    [Fact]
    public void Write_TrialWithoutEpochs_LeavesBestEmpty()
    {
        var trial = Trial(1, TrialState.Failed, new() { ["learning_rate"] = 0.01 }, reason: "out of memory");

        var rows = Csv.Parse(StudyCsvExporter.Write(Study(maximize: true), [trial], new StudyHistory("s", [])));

        Assert.Equal(["trial_id", "number", "state", "epochs", "best_epoch", "best_val_accuracy", "learning_rate", "reason"], rows[0]);
        Assert.Equal(["s-0001", "1", "Failed", "0", "", "", "0.01", "out of memory"], rows[1]);
    }

    [Fact]
    public void Write_UnderACommaDecimalCulture_WritesInvariantNumbers()
    {
        var trial = Trial(1, TrialState.Completed, new() { ["learning_rate"] = 0.001 });
        var history = new StudyHistory("s", [History(trial.TrialId, (0.25, 1.5))]);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            var rows = Csv.Parse(StudyCsvExporter.Write(Study(maximize: true), [trial], history));

            Assert.Equal(["s-0001", "1", "Completed", "1", "1", "0.25", "1.5", "0.25", "0.001", ""], rows[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static StudySnapshot Study(bool maximize, string metric = "val_accuracy") => new(
        "s", "study", StudyState.Completed, null, metric, maximize, 2, 2, ImmutableDictionary<TrialState, int>.Empty, null, Now, Now, "{}");

    private static TrialSnapshot Trial(int number, TrialState state, Dictionary<string, object> config, string? reason = null) => new(
        TrialIds.Of("s", number), "s", number, state, reason, TrialConfig.FromDictionary(config), 0, 3,
        ImmutableDictionary<string, double>.Empty, double.NaN, "silo", Now, Now, 0);

    private static TrialHistory History(string trialId, params (double Accuracy, double Loss)[] epochs) => new(
        trialId,
        [.. epochs.Select((e, i) => new EpochMetrics(i + 1, (i + 1) * 10, ImmutableDictionary<string, double>.Empty
            .Add("val_accuracy", e.Accuracy).Add("train_loss", e.Loss), 0.01, 0.1, Now))],
        [],
        []);
}
