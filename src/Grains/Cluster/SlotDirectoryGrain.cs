using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Cluster;

/// <summary>
/// The book of training slots. It hands each new trial the live silo with the most free slots of the kind it needs
/// (real or synthetic, counted apart), so trials spread over the cluster, and refuses when every slot of that kind is
/// taken. Silos that membership declares dead drop out with their trials. A draining silo is handed no new trial; its
/// drain is kept in grain storage, so it outlives this grain's activation.
/// </summary>
public sealed class SlotDirectoryGrain(
    [PersistentState("slots", GrainStorageNames.Default)] IPersistentState<SlotDirectoryGrainState> state,
    IClusterMembershipService membership,
    HyperTuneMetrics metrics,
    ILogger<SlotDirectoryGrain> logger) : Grain, ISlotDirectoryGrain
{
    private readonly Dictionary<SiloAddress, (string Name, int Slots, int SyntheticSlots)> _silos = [];
    private readonly Dictionary<string, (SiloAddress Silo, SlotKind Kind)> _reservations = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RegisterSiloAsync(
        SiloAddress silo,
        string name,
        int slots,
        ImmutableArray<string> trainingTrialIds,
        int syntheticSlots = 0,
        ImmutableArray<string> syntheticTrialIds = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        ArgumentOutOfRangeException.ThrowIfNegative(syntheticSlots);
        if (!_silos.ContainsKey(silo))
        {
            Log.SiloRegistered(logger, name, slots, syntheticSlots);
        }

        _silos[silo] = (name, slots, syntheticSlots);
        Book(silo, trainingTrialIds, SlotKind.Real);
        Book(silo, syntheticTrialIds, SlotKind.Synthetic);
        View();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Books the trials a silo says it trains, unless a trial holds a place on another live silo now: a trial that moved
    /// off (a drain) may still wind down on its old silo for a moment, and must keep the place it moved to.
    /// </summary>
    private void Book(SiloAddress silo, ImmutableArray<string> trialIds, SlotKind kind)
    {
        foreach (var trialId in trialIds.IsDefault ? [] : trialIds)
        {
            if (_reservations.TryGetValue(trialId, out var held) && !held.Silo.Equals(silo) && _silos.ContainsKey(held.Silo)
                && membership.CurrentSnapshot.GetSiloStatus(held.Silo) is SiloStatus.Active)
            {
                continue;
            }

            _reservations[trialId] = (silo, kind);
        }
    }

    /// <inheritdoc />
    public async Task<SiloSlots?> SetDrainingAsync(string silo, bool draining)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var view = View();
        var found = view.Silos.FirstOrDefault(s => Names(s, silo));
        if (found is null)
        {
            return null;
        }

        var key = found.Silo.ToParsableString();
        if (draining ? state.State.Draining.Add(key) : state.State.Draining.Remove(key))
        {
            // Drains of silos that left go with the next change.
            state.State.Draining.RemoveWhere(d => !_silos.ContainsKey(SiloAddress.FromParsableString(d)));
            await state.WriteStateAsync();
            if (draining)
            {
                Log.SiloDraining(logger, found.Name, found.Silo.ToString(), found.TrialIds.Length + found.Synthetic.TrialIds.Length);
            }
            else
            {
                Log.SiloUndrained(logger, found.Name, found.Silo.ToString());
            }
        }

        return View().Silos.FirstOrDefault(s => s.Silo.Equals(found.Silo));
    }

    /// <inheritdoc />
    public Task<ImmutableArray<SiloAddress>> GetDrainingAsync() =>
        Task.FromResult(View().Silos.Where(s => s.Draining).Select(s => s.Silo).ToImmutableArray());

    /// <summary>True when <paramref name="text"/> is the silo's name, its <c>address:port</c> or its full address.</summary>
    private static bool Names(SiloSlots silo, string text) =>
        string.Equals(silo.Name, text, StringComparison.Ordinal)
        || string.Equals(silo.Silo.ToParsableString(), text, StringComparison.Ordinal)
        || string.Equals(silo.Silo.ToString(), text, StringComparison.Ordinal)
        || string.Equals(silo.Silo.Endpoint.ToString(), text, StringComparison.Ordinal);

    /// <summary>Standby trials a silo takes at most, per kind of slot: one is enough to hand a freed slot on at once.</summary>
    public const int StandbyPerSilo = 1;

    /// <inheritdoc />
    public Task<SiloAddress?> TryReserveAsync(string trialId, string? releasing = null, SlotKind kind = SlotKind.Real) =>
        Task.FromResult(Reserve(trialId, releasing, kind, _ => true, pool => pool.Free > 0));

    /// <inheritdoc />
    public Task<SiloAddress?> TryReserveStandbyAsync(string trialId, int studyConcurrency, string? releasing = null, SlotKind kind = SlotKind.Real, bool standbyOnly = false) =>
        Task.FromResult(Reserve(
            trialId,
            releasing,
            kind,
            view => studyConcurrency >= view.Total(kind),
            pool => standbyOnly ? pool.Free == 0 && pool.Standby < StandbyPerSilo : pool.Free > 0 || pool.Standby < StandbyPerSilo));

    /// <summary>
    /// Frees <paramref name="releasing"/>'s place; hands back the live silo <paramref name="trialId"/> already holds;
    /// otherwise, when <paramref name="allowed"/>, reserves a slot of <paramref name="kind"/> on the silo whose pool of
    /// that kind is <paramref name="eligible"/> and has the most free slots and the fewest trials.
    /// </summary>
    private SiloAddress? Reserve(string trialId, string? releasing, SlotKind kind, Func<ClusterView, bool> allowed, Func<SlotPool, bool> eligible)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        if (releasing is not null)
        {
            _reservations.Remove(releasing);
        }

        // The view drops silos that died, and their reservations, before a held reservation is handed out again.
        var view = View();
        if (_reservations.TryGetValue(trialId, out var held) && view.Silos.Any(s => s.Silo.Equals(held.Silo) && !s.Draining))
        {
            return held.Silo;
        }

        // A draining silo takes no new trial, and its slots count for nothing.
        _reservations.Remove(trialId);
        view = new ClusterView([.. view.Silos.Where(s => !s.Draining)]);
        var best = allowed(view)
            ? view.Silos
                .Where(s => eligible(s.Pool(kind)))
                .OrderByDescending(s => s.Pool(kind).Free)
                .ThenBy(s => s.Pool(kind).TrialIds.Length)
                .ThenBy(s => s.Silo.ToString(), StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (best is not null)
        {
            _reservations[trialId] = (best.Silo, kind);
        }

        return best?.Silo;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string trialId)
    {
        if (_reservations.Remove(trialId))
        {
            View();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The per-silo gauges come from wherever the directory lives: this process reports them no more.
        metrics.PublishCluster(null);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ClusterView> GetClusterAsync() => Task.FromResult(View());

    /// <summary>The live silos' slots now, also published to the per-silo gauges (<see cref="HyperTuneMetrics"/>).</summary>
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

        foreach (var (trialId, held) in _reservations.ToArray())
        {
            if (!_silos.ContainsKey(held.Silo))
            {
                _reservations.Remove(trialId);
            }
        }

        var trials = _reservations
            .GroupBy(r => r.Value)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Key).Order(StringComparer.Ordinal).ToImmutableArray());
        var view = new ClusterView([.. _silos
            .Where(s => members.GetSiloStatus(s.Key) is SiloStatus.Active)
            .OrderBy(s => s.Value.Name, StringComparer.Ordinal)
            .Select(s => new SiloSlots(s.Key, s.Value.Name, s.Value.Slots, trials.GetValueOrDefault((s.Key, SlotKind.Real), []))
            {
                Synthetic = new SlotPool(s.Value.SyntheticSlots, trials.GetValueOrDefault((s.Key, SlotKind.Synthetic), [])),
                Draining = state.State.Draining.Contains(s.Key.ToParsableString()),
            })]);
        metrics.PublishCluster(view);
        return view;
    }
}
