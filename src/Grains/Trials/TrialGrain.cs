using System.Collections.Immutable;
using System.Globalization;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Training;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Trials;

/// <summary>
/// One trial. Training runs on a thread of the <see cref="TrialTrainer"/>, which calls
/// <see cref="ITrialProgressGrain.DrainAsync"/> when it has progress; the grain then keeps the history and forwards each
/// epoch to the study in an ordinary turn, so it answers queries and commands at once while it trains.
/// </summary>
public sealed class TrialGrain(
    [PersistentState("trial", GrainStorageNames.Default)] IPersistentState<TrialGrainState> state,
    TrialTrainer trainer,
    HyperTuneMetrics metrics,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain, ITrialProgressGrain
{
    private TrainingHandle? _training;
    private IGrainTimer? _keepAlive;
    private int _drainScheduled;
    private TrialState? _stopAs;
    private System.Diagnostics.Activity? _lifecycle;

    /// <summary>How often a training trial tells Orleans it is in use, so it is never collected while it trains.</summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private TrialGrainState S => state.State;

    private string TrialId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<CommandResult> StartAsync(TrialStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Request is not null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} was already started; it is {S.State}.");
        }

        S.Request = request;
        S.State = TrialState.Running;
        S.Silo = silo.Name;
        S.StartedAt = time.GetUtcNow();
        var self = this.AsReference<ITrialProgressGrain>();
        _training = trainer.Start(TrialId, request, () =>
        {
            if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
            {
                self.DrainAsync().Ignore();
            }
        });
        await state.WriteStateAsync();
        _keepAlive = this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(KeepAlivePeriod, KeepAlivePeriod) { KeepAlive = true });
        metrics.TrialStarted();
        _lifecycle = TrialActivities.StartTrial(TrialId, request.StudyId, request.Number, S.Silo);
        Log.TrialStarted(logger, TrialId, request.StudyId, S.Silo);
        await Study.ReportTrialChangedAsync(Snapshot());
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public Task<CommandResult> DecayLearningRateAsync(double factor, string source = "user") => Task.FromResult(
        double.IsFinite(factor) && factor > 0
            ? Command(control => control.Send(LearningRateCommand.Decay(factor, ParseSource(source))), "decay", factor, source)
            : CommandResult.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"The decay factor must be a positive, finite number, not {factor}.")));

    /// <inheritdoc />
    public Task<CommandResult> SetLearningRateAsync(double value, string source = "user") => Task.FromResult(
        double.IsFinite(value) && value > 0
            ? Command(control => control.Send(LearningRateCommand.Set(value, ParseSource(source))), "set", value, source)
            : CommandResult.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"The learning rate must be a positive, finite number, not {value}.")));

    /// <inheritdoc />
    public async Task<CommandResult> PauseAsync()
    {
        if (S.State == TrialState.Paused)
        {
            return CommandResult.Ok;
        }

        var result = Command(control => control.Pause());
        if (result.Accepted)
        {
            await ChangeStateAsync(TrialState.Paused);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<CommandResult> ResumeAsync()
    {
        if (S.State == TrialState.Running && _training is not null)
        {
            return CommandResult.Ok;
        }

        var result = Command(control => control.Resume());
        if (result.Accepted)
        {
            await ChangeStateAsync(TrialState.Running);
        }

        return result;
    }

    /// <inheritdoc />
    public Task<CommandResult> StopAsync(bool pruned = false, string? reason = null)
    {
        var result = Command(control => control.Stop());
        if (result.Accepted)
        {
            _stopAs = pruned ? TrialState.Pruned : TrialState.Stopped;
            S.Reason = reason ?? (pruned ? "pruned by the study's scheduler" : "stopped on request");
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task<TrialSnapshot?> GetStatusAsync() => Task.FromResult(S.Request is null ? null : Snapshot());

    /// <inheritdoc />
    public Task<TrialHistory?> GetHistoryAsync() => Task.FromResult(S.Request is null
        ? null
        : new TrialHistory(TrialId, [.. S.Epochs], [.. S.LearningRateChanges], [.. S.Checkpoints]));

    private IStudyGrain Study => GrainFactory.GetGrain<IStudyGrain>(S.Request!.StudyId);

    private CommandResult Command(Action<TrainingControl> apply, string? name = null, double value = 0, string? source = null)
    {
        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (S.State.IsFinished())
        {
            return CommandResult.InvalidState($"Trial {TrialId} has finished ({S.State}); it takes no more commands.");
        }

        if (_training is null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} is not training now.");
        }

        try
        {
            apply(_training.Control);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return CommandResult.InvalidArgument(e.Message.Split(Environment.NewLine)[0]);
        }

        if (name is not null)
        {
            Log.LearningRateCommand(logger, TrialId, name, value, source ?? "user");
        }

        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task DrainAsync()
    {
        Volatile.Write(ref _drainScheduled, 0);
        if (_training is { } training)
        {
            await DrainAsync(training);
        }
    }

    /// <summary>Applies every signal waiting now; true when the run ended.</summary>
    private async Task<bool> DrainAsync(TrainingHandle training)
    {
        var reports = new List<TrialEpochReport>();
        TrainingOutcome? ended = null;
        var wroteCheckpoint = false;
        while (training.Signals.TryRead(out var signal))
        {
            switch (signal)
            {
                case TrainingSignal.Epoch epoch:
                    reports.Add(Record(epoch.Report));
                    break;
                case TrainingSignal.Checkpoint checkpoint:
                    S.Checkpoints.Add(new CheckpointRecord(checkpoint.Saved.Epoch, checkpoint.Saved.SizeBytes, time.GetUtcNow()));
                    metrics.CheckpointWritten(checkpoint.Saved.SizeBytes);
                    wroteCheckpoint = true;
                    break;
                case TrainingSignal.CheckpointFailed failed:
                    Log.CheckpointFailed(logger, TrialId, failed.EpochNumber, failed.Error);
                    break;
                case TrainingSignal.Ended end:
                    ended = end.Outcome;
                    break;
            }
        }

        foreach (var report in reports)
        {
            await Study.ReportEpochAsync(report);
            metrics.ResultReported();
        }

        if (ended is not null)
        {
            await EndAsync(ended);
            return true;
        }

        if (wroteCheckpoint)
        {
            await state.WriteStateAsync();
        }

        return false;
    }

    private TrialEpochReport Record(EpochReport report)
    {
        var epoch = new EpochMetrics(
            report.Epoch, report.Step, report.Metrics.ToImmutableDictionary(), report.LearningRate, report.Duration.TotalSeconds, time.GetUtcNow());
        var changes = report.LearningRateEvents.Select(ToChange).ToImmutableArray();
        S.Epochs.Add(epoch);
        S.LearningRateChanges.AddRange(changes);
        metrics.EpochTrained();
        return new TrialEpochReport(S.Request!.StudyId, TrialId, epoch, changes, S.Silo);
    }

    private async Task EndAsync(TrainingOutcome outcome)
    {
        _keepAlive?.Dispose();
        _keepAlive = null;
        _training?.Control.Dispose();
        _training = null;
        (S.State, var reason) = outcome.Status switch
        {
            TrainingStatus.Completed => (TrialState.Completed, (string?)null),
            TrainingStatus.Stopped => (_stopAs ?? TrialState.Stopped, S.Reason ?? outcome.Reason),
            TrainingStatus.Diverged => (TrialState.Diverged, outcome.Reason),
            _ => (TrialState.Failed, outcome.Reason),
        };
        S.Reason = reason;
        S.EndedAt = time.GetUtcNow();
        S.TrainingSeconds = outcome.Duration.TotalSeconds;

        // The study hears first: it frees this trial's slot as it reserves one for the next trial.
        Study.ReportTrialEndedAsync(new TrialEnded(
            S.Request!.StudyId, TrialId, S.State, S.Reason, S.Epochs.Count, S.Epochs.Count > 0 ? S.Epochs[^1].Metrics : ImmutableDictionary<string, double>.Empty,
            S.TrainingSeconds, S.EndedAt.Value, S.Checkpoints.Count > 0 ? S.Checkpoints[^1].Epoch : 0, S.Silo)).Ignore();
        await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(TrialId);
        await state.WriteStateAsync();
        metrics.TrialFinished(S.State.ToString());
        TrialActivities.EndTrial(_lifecycle, S.State, S.Epochs.Count, S.Reason);
        _lifecycle = null;
        Log.TrialEnded(logger, TrialId, S.Request.StudyId, S.State.ToString(), S.Epochs.Count, S.Reason);
    }

    private async Task ChangeStateAsync(TrialState next)
    {
        S.State = next;
        await state.WriteStateAsync();
        await Study.ReportTrialChangedAsync(Snapshot());
    }

    private TrialSnapshot Snapshot()
    {
        var request = S.Request!;
        var last = S.Epochs.Count > 0 ? S.Epochs[^1] : null;
        return new TrialSnapshot(
            TrialId, request.StudyId, request.Number, S.State, S.Reason, request.Config, last?.Epoch ?? 0, request.MaxEpochs,
            last?.Metrics ?? ImmutableDictionary<string, double>.Empty, last?.LearningRate ?? double.NaN, S.Silo, S.StartedAt, S.EndedAt,
            S.Checkpoints.Count > 0 ? S.Checkpoints[^1].Epoch : 0, S.TrainingSeconds);
    }

    private static LearningRateChange ToChange(LearningRateEvent change) => new(
        change.Epoch, change.Step, change.OldLearningRate, change.NewLearningRate,
        change.Source.ToString().ToLowerInvariant(), change.Command?.ToString().ToLowerInvariant());

    private static LearningRateChangeSource ParseSource(string source) =>
        Enum.TryParse<LearningRateChangeSource>(source, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentOutOfRangeException(nameof(source), source, $"Unknown source '{source}'; use user, policy or population.");
}
