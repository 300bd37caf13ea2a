namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

public sealed class ChaosPlanTests
{
    private static ChaosPlan Plan(int seed) => new(seed, 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4));

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(123456)]
    public void Rounds_StartWithSiloZero_RestartTheCoordinatorOnceEarly_AndStayInTheirRanges(int seed)
    {
        var plan = Plan(seed);
        var steps = Enumerable.Range(0, 40).Select(_ => plan.Next()).ToArray();

        Assert.Equal(0, steps[0].Victim);
        var coordinator = Assert.Single(steps, s => s.RestartCoordinator);
        Assert.InRange(Array.IndexOf(steps, coordinator) + 1, 2, ChaosPlan.CoordinatorRoundsWithin);
        Assert.All(steps, s => Assert.InRange(s.Victim, 0, 2));
        Assert.All(steps, s => Assert.InRange(s.Wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        Assert.All(steps, s => Assert.InRange(s.Down, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void ManyRounds_KillEverySilo_SiloZeroAboutAsOftenAsPlanned()
    {
        var plan = Plan(7);
        var victims = Enumerable.Range(0, 1000).Select(_ => plan.Next().Victim).ToArray();

        Assert.Equal([0, 1, 2], victims.Distinct().Order());
        Assert.InRange(victims.Count(v => v == 0) / 1000.0, 0.35, 0.45);
    }

    [Fact]
    public void SameSeed_SameRounds()
    {
        var (a, b) = (Plan(99), Plan(99));

        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.Next()), Enumerable.Range(0, 20).Select(_ => b.Next()));
    }
}
