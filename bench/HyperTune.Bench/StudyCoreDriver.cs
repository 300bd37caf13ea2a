using System.Collections.Immutable;
using System.Net;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperTune.Bench;

/// <summary>
/// Plays a whole study through the study core alone, as its grain would with a cluster that answers at once: every slot
/// asked for is granted, every trial reports its epochs (a deterministic noisy curve of its learning rate) and ends, and
/// the trials the scheduler prunes end pruned. Standby places are refused: the
/// cluster has as many slots as the study's concurrency. What the core asks to write is handed to <c>write</c> after every wave of
/// trials, as the grain's batched flush would.
/// </summary>
internal sealed class StudyCoreDriver(string studyId, int trials, int epochs, int concurrency)
{
    private static readonly SiloAddress Silo = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private readonly StudyController _core = new(studyId, new StudyOptions(), new StudyRecoveryOptions(), TimeProvider.System, NullLogger.Instance);
    private readonly Dictionary<string, TrialStartRequest> _running = [];
    private readonly HashSet<string> _pruned = [];

    /// <summary>The core, for a look at its state after the run.</summary>
    public StudyController Core => _core;

    /// <summary>Epoch reports handed to the core.</summary>
    public long Reports { get; private set; }

    /// <summary>Runs the study to its end; <paramref name="write"/> gets each batch of changes.</summary>
    public async Task RunAsync(Func<StudyWriteSet, Task> write)
    {
        var spec = $$"""
            { "name": "core-driver", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 4e-3},
                                "weight_decay": {"type": "loguniform", "low": 1e-6, "high": 1e-3} },
              "searcher": {"kind": "random"},
              "scheduler": {"kind": "asha", "grace_period": 2, "reduction_factor": 3},
              "budget": {"max_trials": {{trials}}, "max_concurrent_trials": {{concurrency}}, "max_epochs_per_trial": {{epochs}}},
              "checkpoint_interval": 0, "seed": 7 }
            """;
        var started = _core.Start(spec);
        if (!started.Accepted)
        {
            throw new InvalidOperationException("The driver's spec was refused: " + started.Error + string.Join("; ", started.Problems));
        }

        Answer();
        while (_core.State == StudyState.Running)
        {
            _core.Fill();
            Answer();
            if (_running.Count == 0)
            {
                throw new InvalidOperationException($"The study has no running trial but is {_core.State}.");
            }

            foreach (var (trialId, request) in _running.ToArray())
            {
                Train(trialId, request);
            }

            if (_core.TakeWrite() is { } changes)
            {
                await write(changes);
            }
        }

        if (_core.TakeWrite() is { } last)
        {
            await write(last);
        }
    }

    private void Train(string trialId, TrialStartRequest request)
    {
        var now = DateTimeOffset.UtcNow;
        var lr = request.Config["learning_rate"].AsDouble();
        _core.OnTrialChanged(new TrialSnapshot(
            trialId, studyId, request.Number, TrialState.Running, null, request.Config, 0, epochs,
            ImmutableDictionary<string, double>.Empty, lr, "silo-0", now, null, 0));
        Answer();
        var completed = 0;
        ImmutableDictionary<string, double> metrics = ImmutableDictionary<string, double>.Empty;
        for (var epoch = 1; epoch <= epochs && !_pruned.Contains(trialId); epoch++)
        {
            var loss = Math.Abs(Math.Log10(lr) + 2.7) + 1.0 / epoch + 0.01 * ((request.Number * 7919 + epoch * 104729) % 100) / 100;
            metrics = ImmutableDictionary<string, double>.Empty.Add("val_loss", loss).Add("train_loss", loss * 0.9).Add("val_accuracy", 1 / (1 + loss));
            _core.OnEpochs([new TrialEpochReport(studyId, trialId, new EpochMetrics(epoch, epoch * 10, metrics, lr, 0.001, now), [], "silo-0")]);
            Reports++;
            completed = epoch;
            Answer();
        }

        var state = _pruned.Remove(trialId) ? TrialState.Pruned : TrialState.Completed;
        _running.Remove(trialId);
        _core.OnTrialEnded(new TrialEnded(studyId, trialId, state, state == TrialState.Pruned ? "pruned by asha" : null, completed, metrics, 0.01, now, 0, "silo-0") { StartedAt = now });
        Answer();
    }

    /// <summary>Answers what the core asked, as a cluster of exactly the study's concurrency in slots would.</summary>
    private void Answer()
    {
        var effects = new Queue<StudyEffect>(_core.TakeEffects());
        while (effects.TryDequeue(out var effect))
        {
            switch (effect)
            {
                case ReserveSlotEffect reserve:
                    // Every slot is free, and no standby place: the cluster's slots are the study's concurrency.
                    _core.OnSlotReserved(reserve, reserve.Mode == SlotMode.StandbyOnly ? null : Silo);
                    break;
                case StartTrialEffect start:
                    _running[start.TrialId] = start.Request;
                    _core.OnTrialStartReturned(start, CommandResult.Ok);
                    break;
                case CommandTrialsEffect { Command: StopTrial } stop:
                    _pruned.UnionWith(stop.TrialIds);
                    break;
            }

            foreach (var next in _core.TakeEffects())
            {
                effects.Enqueue(next);
            }
        }
    }
}
