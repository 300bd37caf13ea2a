using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Ledger;

/// <summary>How many of a study's trials are in each state, kept up to date as trials change (never recounted).</summary>
public sealed class StudyCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<TrialState>().Length];

    /// <summary>Trials in <paramref name="state"/>.</summary>
    public int Of(TrialState state) => _counts[(int)state];

    /// <summary>Trials not finished yet (Pending, Running or Paused).</summary>
    public int Unfinished => Of(TrialState.Pending) + Of(TrialState.Running) + Of(TrialState.Paused);

    /// <summary>The counts of the states that have trials.</summary>
    public ImmutableDictionary<TrialState, int> ToDictionary()
    {
        var builder = ImmutableDictionary.CreateBuilder<TrialState, int>();
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
            {
                builder[(TrialState)i] = _counts[i];
            }
        }

        return builder.ToImmutable();
    }

    internal void Move(TrialState? from, TrialState to)
    {
        if (from is { } old)
        {
            _counts[(int)old]--;
        }

        _counts[(int)to]++;
    }
}
