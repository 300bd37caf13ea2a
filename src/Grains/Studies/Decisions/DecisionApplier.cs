using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Ledger;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Schedulers;

namespace HyperTune.Grains.Studies.Decisions;

/// <summary>
/// Carries out the trial scheduler's decisions for running trials through the trials' ordinary commands (stop as
/// pruned, pause, decay the learning rate, exploit another trial's checkpoint). While a decision for a trial is under
/// way, its later epochs get none; a pruned trial gets none again.
/// </summary>
internal sealed class DecisionApplier(StudyContext context)
{
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);

    /// <summary>Asks the scheduler about a running trial's epoch and carries out what it decides.</summary>
    public void OnResult(LedgerTrial trial, EpochMetrics epoch)
    {
        if (!context.IsRunning || trial.Snapshot.State != TrialState.Running || _deciding.Contains(trial.TrialId))
        {
            return;
        }

        var decision = context.Search!.OnSchedulerResult(trial.TrialId, epoch.Epoch, epoch.Metrics);
        if (Command(trial.TrialId, decision) is not { } command)
        {
            return;
        }

        _deciding.Add(trial.TrialId);
        Log.SchedulerDecided(context.Logger, context.StudyId, trial.TrialId, decision.ToString());
        context.Effects.Add(new CommandTrialsEffect([trial.TrialId], command, ReportBack: true));
    }

    /// <summary>A decision's command returned (null: the trial could not be reached).</summary>
    public void OnCommandReturned(string trialId, TrialCommand command, CommandResult? result)
    {
        if (command is ExploitTrial exploit && result is { Accepted: true } && context.Ledger.Find(trialId) is { IsFinished: false } trial)
        {
            // The trial continues from the source's epoch with the new config: the study's view goes back with it.
            context.Ledger.Replace(trial, trial.Snapshot with { Config = exploit.Exploit.Config, Epoch = exploit.Exploit.SourceEpoch });
            context.Effects.Add(PersistEffect.Soon);
        }

        if (result is not { Accepted: true })
        {
            Log.TrialUnreachable(context.Logger, context.StudyId, trialId, result?.Error ?? "no answer to " + command);
        }

        // A pruned trial stays decided: its epochs still in flight must not be stopped twice.
        if (command is not StopTrial { Pruned: true })
        {
            _deciding.Remove(trialId);
        }
    }

    /// <summary>A trial ended: no decision waits for it.</summary>
    public void Forget(string trialId) => _deciding.Remove(trialId);

    private TrialCommand? Command(string trialId, SchedulerDecision decision) => decision switch
    {
        PruneDecision prune => new StopTrial(Pruned: true, prune.Reason),
        PauseDecision => PauseTrial.Instance,
        DecayLearningRateDecision decay => new DecayTrialLearningRate(decay.Factor, "policy"),
        ExploitDecision exploit => new ExploitTrial(ToExploit(exploit)),
        _ => null,
    };

    /// <summary>
    /// A perturbed learning rate travels as a decay command (as a person's would), applied to the source's restored
    /// learning rate; the config keeps the source's, so the perturbation is not applied twice.
    /// </summary>
    private TrialExploit ToExploit(ExploitDecision exploit)
    {
        var config = exploit.NewConfig;
        if (exploit.LearningRateFactor is not null && context.Ledger.Find(exploit.SourceTrialId) is { } source
            && source.Snapshot.Config.TryGetValue(HyperparameterNames.LearningRate, out var sourceRate))
        {
            config = config.With(HyperparameterNames.LearningRate, sourceRate);
        }

        return new TrialExploit(exploit.SourceTrialId, exploit.SourceCheckpointEpoch, config, exploit.LearningRateFactor, exploit.Reason);
    }
}
