namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>
/// The rounds of a chaos run, drawn from one seed so that a run can be replayed: the first round kills silo-0 (the
/// first silo started), later rounds pick it with probability <see cref="FirstSiloShare"/> and another silo otherwise;
/// waits and down times are uniform in their ranges; the Coordinator is restarted after exactly one round among the
/// first <see cref="CoordinatorRoundsWithin"/>.
/// </summary>
public sealed class ChaosPlan
{
    /// <summary>The share of rounds after the first that kill silo-0.</summary>
    public const double FirstSiloShare = 0.4;

    /// <summary>The Coordinator is restarted after one of rounds 2 to this (1-based).</summary>
    public const int CoordinatorRoundsWithin = 6;

    private readonly Random _random;
    private readonly int _silos;
    private readonly int _coordinatorRound;
    private readonly TimeSpan _minWait;
    private readonly TimeSpan _maxWait;
    private readonly TimeSpan _maxDown;
    private int _round;

    /// <summary>A plan for <paramref name="silos"/> silos (at least 2) from <paramref name="seed"/>.</summary>
    public ChaosPlan(int seed, int silos, TimeSpan minWait, TimeSpan maxWait, TimeSpan maxDown)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minWait, maxWait);
        (Seed, _random, _silos, _minWait, _maxWait, _maxDown) = (seed, new Random(seed), silos, minWait, maxWait, maxDown);
        _coordinatorRound = _random.Next(2, CoordinatorRoundsWithin + 1);
    }

    /// <summary>The seed the plan was drawn from.</summary>
    public int Seed { get; }

    /// <summary>The next round.</summary>
    public ChaosStep Next()
    {
        _round++;
        var victim = _round == 1 || _random.NextDouble() < FirstSiloShare ? 0 : _random.Next(1, _silos);
        var wait = _minWait + (_maxWait - _minWait) * _random.NextDouble();
        var down = _maxDown * _random.NextDouble();
        return new ChaosStep(wait, victim, down, _round == _coordinatorRound);
    }
}
