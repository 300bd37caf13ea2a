namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

public sealed class HistoryContinuityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static HistoryEvent Recovering(int epoch, string message = "attempt 1 on silo-1: its silo silo-0 died") => new(T0, HistoryEvent.Recovering, epoch, message);

    private static HistoryEvent Resumed(int epoch) => new(T0, HistoryEvent.Resumed, epoch, "continuing");

    private static TrialRecord Trial(int maxEpochs, IEnumerable<int> epochs, params HistoryEvent[] events) => new("t", maxEpochs, [.. epochs], events);

    [Fact]
    public void AllEpochsOnce_AndARestartRewoundToACheckpoint_IsContinuous()
    {
        var trial = Trial(10, Enumerable.Range(1, 10), Recovering(7), Resumed(5));

        Assert.Empty(HistoryContinuity.Problems(trial, checkpointInterval: 5));
        Assert.Equal(2, HistoryContinuity.EpochsRetrained(trial));
    }

    [Fact]
    public void LostTwiceBeforeItResumed_CountsFromWhereItLastStood()
    {
        var trial = Trial(10, Enumerable.Range(1, 10), Recovering(7), Recovering(7), Resumed(5), Recovering(3), Resumed(0));

        Assert.Empty(HistoryContinuity.Problems(trial, 5));
        Assert.Equal(5, HistoryContinuity.EpochsRetrained(trial));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 4, 5 }, "found epoch 4")]
    [InlineData(new[] { 1, 2, 2, 3, 4 }, "found epoch 2")]
    [InlineData(new[] { 1, 2, 3 }, "3 epochs in its history, 4 expected")]
    [InlineData(new[] { 2, 1, 3, 4 }, "found epoch 2")]
    public void GapsDuplicatesMissingOrDisorderedEpochs_AreProblems(int[] epochs, string expected)
    {
        Assert.Contains(HistoryContinuity.Problems(Trial(4, epochs), 5), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ResumingBeyondWhereItStood_OrNotAtACheckpoint_OrNever_AreProblems()
    {
        Assert.Contains(HistoryContinuity.Problems(Trial(10, Enumerable.Range(1, 10), Recovering(4), Resumed(5)), 5), p => p.Contains("beyond epoch 4", StringComparison.Ordinal));
        Assert.Contains(HistoryContinuity.Problems(Trial(10, Enumerable.Range(1, 10), Recovering(7), Resumed(6)), 5), p => p.Contains("not a checkpoint", StringComparison.Ordinal));
        Assert.Contains(HistoryContinuity.Problems(Trial(10, Enumerable.Range(1, 10), Recovering(7)), 5), p => p.Contains("never resumed", StringComparison.Ordinal));
        Assert.Contains(HistoryContinuity.Problems(Trial(10, Enumerable.Range(1, 10), Resumed(5)), 5), p => p.Contains("without a restart", StringComparison.Ordinal));
    }
}
