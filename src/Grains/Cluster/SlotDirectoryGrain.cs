using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Cluster;

/// <summary>
/// The book of training slots. It hands each new trial the live silo with the most free slots, so trials spread over
/// the cluster, and refuses when every slot is taken. Silos that membership declares dead drop out with their trials.
/// </summary>
public sealed class SlotDirectoryGrain(IClusterMembershipService membership, ILogger<SlotDirectoryGrain> logger) : Grain, ISlotDirectoryGrain
{
    private readonly Dictionary<SiloAddress, (string Name, int Slots)> _silos = [];
    private readonly Dictionary<string, SiloAddress> _reservations = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RegisterSiloAsync(SiloAddress silo, string name, int slots, ImmutableArray<string> trainingTrialIds)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        if (!_silos.ContainsKey(silo))
        {
            Log.SiloRegistered(logger, name, slots);
        }

        _silos[silo] = (name, slots);
        foreach (var trialId in trainingTrialIds)
        {
            _reservations[trialId] = silo;
        }

        return Task.CompletedTask;
    }

    /// <summary>Standby trials a silo takes at most: one is enough to hand a freed slot on at once.</summary>
    public const int StandbyPerSilo = 1;

    /// <inheritdoc />
    public Task<SiloAddress?> TryReserveAsync(string trialId, string? releasing = null) =>
        Task.FromResult(Reserve(trialId, releasing, _ => true, silo => silo.Free > 0));

    /// <inheritdoc />
    public Task<SiloAddress?> TryReserveStandbyAsync(string trialId, int studyConcurrency, string? releasing = null) =>
        Task.FromResult(Reserve(
            trialId,
            releasing,
            view => studyConcurrency >= view.Silos.Sum(s => s.Slots),
            silo => silo.Free > 0 || silo.Standby < StandbyPerSilo));

    /// <summary>
    /// Frees <paramref name="releasing"/>'s place; hands back the live silo <paramref name="trialId"/> already holds;
    /// otherwise, when <paramref name="allowed"/>, reserves the <paramref name="eligible"/> silo with the most free
    /// slots and the fewest trials.
    /// </summary>
    private SiloAddress? Reserve(string trialId, string? releasing, Func<ClusterView, bool> allowed, Func<SiloSlots, bool> eligible)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        if (releasing is not null)
        {
            _reservations.Remove(releasing);
        }

        // The view drops silos that died, and their reservations, before a held reservation is handed out again.
        var view = View();
        if (_reservations.TryGetValue(trialId, out var held) && view.Silos.Any(s => s.Silo.Equals(held)))
        {
            return held;
        }

        _reservations.Remove(trialId);
        var best = allowed(view)
            ? view.Silos
                .Where(eligible)
                .OrderByDescending(s => s.Free)
                .ThenBy(s => s.TrialIds.Length)
                .ThenBy(s => s.Silo.ToString(), StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (best is not null)
        {
            _reservations[trialId] = best.Silo;
        }

        return best?.Silo;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string trialId)
    {
        _reservations.Remove(trialId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ClusterView> GetClusterAsync() => Task.FromResult(View());

    private ClusterView View()
    {
        var members = membership.CurrentSnapshot;
        foreach (var silo in _silos.Keys.ToArray())
        {
            var status = members.GetSiloStatus(silo);
            if (status is SiloStatus.Dead)
            {
                _silos.Remove(silo);
            }
        }

        foreach (var (trialId, silo) in _reservations.ToArray())
        {
            if (!_silos.ContainsKey(silo))
            {
                _reservations.Remove(trialId);
            }
        }

        var trialsBySilo = _reservations.GroupBy(r => r.Value).ToDictionary(g => g.Key, g => g.Select(r => r.Key).Order(StringComparer.Ordinal).ToImmutableArray());
        return new ClusterView([.. _silos
            .Where(s => members.GetSiloStatus(s.Key) is SiloStatus.Active)
            .OrderBy(s => s.Value.Name, StringComparer.Ordinal)
            .Select(s => new SiloSlots(s.Key, s.Value.Name, s.Value.Slots, trialsBySilo.GetValueOrDefault(s.Key, [])))]);
    }
}
