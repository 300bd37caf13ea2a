using System.Collections.Immutable;
using System.Net;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Grains.Tests.Studies.Control;

/// <summary>
/// A study core on fake time, with helpers to feed it events and look at the effects it leaves. Nothing runs unless a
/// test says so: each effect is answered by hand, so every interleaving can be played.
/// </summary>
internal sealed class StudyHarness
{
    public static readonly SiloAddress SiloA = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    public static readonly SiloAddress SiloB = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    public StudyHarness(StudyOptions? options = null, StudyRecoveryOptions? recovery = null, string studyId = "s")
    {
        Options = options ?? new StudyOptions();
        Recovery = recovery ?? new StudyRecoveryOptions();
        Core = new StudyController(studyId, Options, Recovery, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    public StudyOptions Options { get; }

    public StudyRecoveryOptions Recovery { get; }

    public StudyController Core { get; }

    public Dictionary<SiloAddress, SiloStatus> Members { get; } = new() { [SiloA] = SiloStatus.Active, [SiloB] = SiloStatus.Active };

    /// <summary>The silos that drain.</summary>
    public HashSet<SiloAddress> Draining { get; } = [];

    /// <summary>A spec of blobs trials (random search) with the budget given.</summary>
    public static string Spec(int maxTrials = 10, int concurrency = 2, int epochs = 5, string extra = "") => $$"""
        { "name": "harness", "dataset": {"kind": "blobs", "samples": 100},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-1} },
          "budget": {"max_trials": {{maxTrials}}, "max_concurrent_trials": {{concurrency}}, "max_epochs_per_trial": {{epochs}}}{{extra}} }
        """;

    /// <summary>Launch reservations the core asked for and no test has answered yet, oldest first.</summary>
    public List<ReserveSlotEffect> Reservations { get; } = [];

    /// <summary>The effects since the last call (launch reservations among them are also kept in <see cref="Reservations"/>).</summary>
    public IReadOnlyList<StudyEffect> Take()
    {
        var effects = Core.TakeEffects();
        Reservations.AddRange(effects.OfType<ReserveSlotEffect>().Where(r => r.Purpose == SlotPurpose.Launch));
        return effects;
    }

    public T Single<T>(IReadOnlyList<StudyEffect> effects)
        where T : StudyEffect => Assert.Single(effects.OfType<T>());

    /// <summary>Starts the study and returns the fill it asks for.</summary>
    public void Start(string? spec = null)
    {
        var result = Core.Start(spec ?? Spec());
        Assert.True(result.Accepted, result.Error + string.Join("; ", result.Problems.Select(p => p.Path + ": " + p.Message)));
        Assert.Contains(Take(), e => e is FillEffect);
    }

    /// <summary>Answers the oldest open launch reservation with <paramref name="silo"/> (null: refused).</summary>
    public IReadOnlyList<StudyEffect> Answer(SiloAddress? silo)
    {
        var reserve = Reservations[0];
        Reservations.RemoveAt(0);
        Core.OnSlotReserved(reserve, silo);
        return Take();
    }

    /// <summary>Fills and answers the oldest reservation with <paramref name="silo"/>; returns the start effect (null: none asked).</summary>
    public StartTrialEffect? LaunchOne(SiloAddress? silo = null, bool accept = true)
    {
        Core.Fill();
        Take();
        for (var refused = 0; refused < 3 && Reservations.Count > 0 && Reservations[0].Mode == SlotMode.StandbyOnly; refused++)
        {
            // No standby place: the cluster is one of busy silos each with its standby trial.
            Answer(null);
            Core.Fill();
            Take();
        }

        if (Reservations.Count == 0)
        {
            return null;
        }

        var start = Single<StartTrialEffect>(Answer(silo ?? SiloA));
        if (accept)
        {
            Core.OnTrialStartReturned(start, CommandResult.Ok);
            Take();
        }

        return start;
    }

    /// <summary>
    /// Launches trials until the core asks for nothing more, answering every reservation with a slot and every standby-only
    /// one with a refusal (as a cluster with no place on a busy silo would).
    /// </summary>
    public List<StartTrialEffect> LaunchAll(SiloAddress? silo = null, int max = 1000)
    {
        var started = new List<StartTrialEffect>();
        Core.Fill();
        Take();
        while (Reservations.Count > 0 && started.Count < max)
        {
            var standbyOnly = Reservations[0].Mode == SlotMode.StandbyOnly;
            foreach (var start in Answer(standbyOnly ? null : silo ?? SiloA).OfType<StartTrialEffect>())
            {
                started.Add(start);
                Core.OnTrialStartReturned(start, CommandResult.Ok);
                Take();
            }

            if (Reservations.Count == 0 || Reservations.All(r => r.Mode == SlotMode.StandbyOnly) && standbyOnly)
            {
                break;
            }
        }

        return started;
    }

    /// <summary>The trial began training (it got its slot).</summary>
    public void Began(string trialId, int attempt = 0)
    {
        var known = Trial(trialId);
        Core.OnTrialChanged(known with { State = TrialState.Running, StartedAt = Time.GetUtcNow(), Silo = "silo-a", Attempt = attempt });
    }

    public void Epoch(string trialId, int epoch, double valLoss)
    {
        var metrics = ImmutableDictionary<string, double>.Empty.Add("val_loss", valLoss).Add("train_loss", valLoss);
        Core.OnEpochs([new TrialEpochReport("s", trialId, new EpochMetrics(epoch, epoch * 10, metrics, 0.01, 0.1, Time.GetUtcNow()), [], "silo-a")]);
    }

    public void End(string trialId, TrialState state, int epochs, string? reason = null) =>
        Core.OnTrialEnded(new TrialEnded("s", trialId, state, reason, epochs,
            epochs > 0 ? ImmutableDictionary<string, double>.Empty.Add("val_loss", 1.0 / epochs) : ImmutableDictionary<string, double>.Empty,
            1, Time.GetUtcNow(), 0, "silo-a") { StartedAt = Time.GetUtcNow() });

    public void Tick() => Core.OnWatchTick(new MembershipView(Members, Draining));

    public TrialSnapshot Trial(string trialId) => Core.Trials().Single(t => t.TrialId == trialId);

    public StudyWriteSet? Write() => Core.TakeWrite();

    private sealed class MembershipView(Dictionary<SiloAddress, SiloStatus> members, HashSet<SiloAddress> draining) : ISiloStatusView
    {
        public SiloStatus StatusOf(SiloAddress silo) => members.GetValueOrDefault(silo, SiloStatus.None);

        public bool IsDraining(SiloAddress silo) => draining.Contains(silo);
    }
}
