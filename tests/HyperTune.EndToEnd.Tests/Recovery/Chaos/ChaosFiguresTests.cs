namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

public sealed class ChaosFiguresTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static HistoryEvent At(double seconds, string kind, int epoch, string message = "") => new(T0.AddSeconds(seconds), kind, epoch, message);

    [Fact]
    public void RecoveryTimes_RunFromTheKillOfTheSiloTheRestartNames_ElseTheLatestKill()
    {
        ChaosKill[] kills = [new("silo-0", T0), new("silo-1", T0.AddSeconds(10))];
        TrialRecord[] trials =
        [
            new("a", 10, [.. Enumerable.Range(1, 10)], [At(6, HistoryEvent.Recovering, 7, "attempt 1 on silo-2: its silo silo-0 died"), At(7, HistoryEvent.Resumed, 5)]),
            // Restarted after the second kill, for the first one: its silo is named.
            new("b", 10, [.. Enumerable.Range(1, 10)], [At(12, HistoryEvent.Recovering, 4, "attempt 1 on silo-2: its silo silo-0 died"), At(13, HistoryEvent.Resumed, 0)]),
            new("c", 10, [.. Enumerable.Range(1, 10)], [At(15, HistoryEvent.Recovering, 9, "attempt 1 on silo-2: its training stopped: its activation was lost with a silo"), At(16, HistoryEvent.Resumed, 5)]),
        ];

        var figures = ChaosFigures.From(kills, trials);

        Assert.Equal([TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(5)], figures.RecoveryTimes);
        Assert.Equal((3, 2 + 4 + 4, 30), (figures.Restarts, figures.EpochsRetrained, figures.EpochsKept));
        Assert.Equal(new Distribution(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(12)), figures.Recovery);
    }

    [Fact]
    public void Distribution_OfAnEvenCount_HasTheMeanOfTheMiddleTwoAsMedian()
    {
        var d = Distribution.Of([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)]);

        Assert.Equal(new Distribution(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)), d);
        Assert.Equal(0, Distribution.Of([]).Count);
    }
}
