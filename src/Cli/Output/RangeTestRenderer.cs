using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>
/// Learning-rate range tests on screen: a progress line while one runs, then the suggestion, bounds and stop reason
/// and a text plot of the smoothed loss against the learning rate.
/// </summary>
internal static class RangeTestRenderer
{
    /// <summary>About how many rows the plot has (sampled evenly on the log learning-rate axis).</summary>
    public const int PlotRows = 12;

    /// <summary>The longest bar of the plot, in characters.</summary>
    public const int BarWidth = 40;

    /// <summary>One line of progress, e.g. <c>step 37/100  lr 1.2e-04  loss 0.531</c>.</summary>
    public static string ProgressLine(RangeTest test)
    {
        if (test.Points.Count == 0)
        {
            return $"step 0/{test.Steps}  starting";
        }

        var last = test.Points[^1];
        return $"step {test.Points.Count}/{test.Steps}  lr {Formats.LearningRate(last.LearningRate)}  loss {Formats.Number(last.Loss)}";
    }

    /// <summary>The test's details: with its result once completed, with its progress while it runs.</summary>
    /// <summary>The list of range tests: one row each, newest first; "no range tests" when there are none.</summary>
    public static void WriteList(Screen screen, IReadOnlyList<RangeTestSummary> tests)
    {
        if (tests.Count == 0)
        {
            screen.WriteLine("no range tests");
            return;
        }

        var table = new TextTable("TEST", "STATE", "DATASET", "STUDY", "SUGGESTED", "BOUNDS", "STARTED");
        foreach (var t in tests)
        {
            table.Add(
                t.Id,
                t.State,
                t.Dataset ?? Formats.None,
                t.StudyId ?? Formats.None,
                t.SuggestedLearningRate is { } lr ? Formats.LearningRate(lr) : Formats.None,
                t.SearchLow is { } low && t.SearchHigh is { } high ? $"{Formats.LearningRate(low)} .. {Formats.LearningRate(high)}" : Formats.None,
                Formats.Time(t.StartedAt));
        }

        screen.Write(table);
    }

    public static void WriteDetails(Screen screen, RangeTest test)
    {
        var details = new DetailList().Add("Range test", test.Id);
        if (test.StudyId is { } study)
        {
            details.Add("Study", study);
        }

        // The ramp sets the learning rate: the config's own (the space's centre) plays no part.
        var config = test.Config.Where(p => p.Key != "learning_rate").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        details.Add("State", test.State).Add("Silo", test.Silo).Add("Config", Formats.Config(config));
        if (test.Result is not { } result)
        {
            screen.Write(details.Add("Progress", ProgressLine(test)));
            return;
        }

        screen.Write(details
            .Add("Suggested LR", $"{Formats.LearningRate(result.SuggestedLearningRate)} ({result.Method})")
            .Add("Min-loss LR", Formats.LearningRate(result.MinimumLossLearningRate))
            .Add("Search bounds", $"{Formats.LearningRate(result.SearchLow)} .. {Formats.LearningRate(result.SearchHigh)} (log-uniform)")
            .Add("Stopped", StopReason(result, test.Steps)));
        screen.Heading("Smoothed loss by learning rate");
        screen.Write(Plot(result, screen.IsTerminal ? '█' : '#'));
    }

    /// <summary>Why the test ended, in words.</summary>
    public static string StopReason(RangeTestResult result, int steps) => result.StopReason switch
    {
        "Completed" => $"ran all {result.Points.Count} steps",
        "Diverged" => $"diverged at step {result.Points.Count} of {steps} (the smoothed loss rose far above its best)",
        "NonFinite" => $"non-finite loss at step {result.Points.Count} of {steps}",
        _ => $"{result.StopReason} at step {result.Points.Count} of {steps}",
    };

    /// <summary>
    /// The smoothed loss at about <see cref="PlotRows"/> learning rates spread evenly on the log axis, plus the suggested
    /// and the minimum-loss ones, each with a bar from the lowest loss shown (one character) to the highest shown up to
    /// the minimum (<see cref="BarWidth"/>). Losses of the diverging tail above that are cut at the full width and end
    /// in '&gt;', so the tail does not flatten the descent that matters.
    /// </summary>
    public static TextTable Plot(RangeTestResult result, char bar = '#')
    {
        var points = result.Points.Where(p => p.LearningRate > 0 && double.IsFinite(p.LearningRate) && double.IsFinite(p.SmoothedLoss)).ToList();
        var table = new TextTable("LR", "SMOOTHED LOSS", "");
        if (points.Count == 0)
        {
            return table;
        }

        var suggested = Nearest(points, result.SuggestedLearningRate);
        var minimum = Nearest(points, result.MinimumLossLearningRate);
        var rows = new SortedSet<int> { suggested, minimum };
        var (low, high) = (Math.Log10(points[0].LearningRate), Math.Log10(points[^1].LearningRate));
        var samples = Math.Min(PlotRows, points.Count);
        for (var i = 0; i < samples; i++)
        {
            var at = samples == 1 ? low : low + (high - low) * i / (samples - 1);
            rows.Add(Nearest(points, Math.Pow(10, at)));
        }

        var least = rows.Min(i => points[i].SmoothedLoss);
        var most = rows.Where(i => i <= minimum).Max(i => points[i].SmoothedLoss);
        foreach (var i in rows)
        {
            var loss = points[i].SmoothedLoss;
            var length = most > least ? 1 + (int)Math.Round(Math.Min(1, (loss - least) / (most - least)) * (BarWidth - 1)) : 1;
            var cut = loss > most ? ">" : "";
            var note = i == suggested && i == minimum ? "  <- suggested, min loss"
                : i == suggested ? "  <- suggested"
                : i == minimum ? "  <- min loss"
                : "";
            table.Add(Formats.LearningRate(points[i].LearningRate), Formats.Number(loss), new string(bar, length) + cut + note);
        }

        return table;
    }

    // The index of the point whose learning rate is nearest to rate on the log axis.
    private static int Nearest(IReadOnlyList<RangeTestPoint> points, double rate)
    {
        if (!(rate > 0))
        {
            return 0;
        }

        var target = Math.Log10(rate);
        var best = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (Math.Abs(Math.Log10(points[i].LearningRate) - target) < Math.Abs(Math.Log10(points[best].LearningRate) - target))
            {
                best = i;
            }
        }

        return best;
    }
}
