using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Schedulers;

/// <summary>Specs and scripted metric streams for scheduler tests.</summary>
internal static class SchedulerScript
{
    /// <summary>The example spec (maximize val_accuracy) with a scheduler.</summary>
    public static StudySpec Spec(string kind, object? options = null, int maxEpochs = 10, int checkpointInterval = 5) =>
        TestSpecs.Example with
        {
            Scheduler = new SchedulerSpec(kind, AlgorithmOptions.FromObject(options)),
            Budget = new BudgetSpec { MaxTrials = 100, MaxEpochsPerTrial = maxEpochs },
            CheckpointInterval = checkpointInterval,
        };

    /// <summary>Metrics with val_accuracy only.</summary>
    public static Dictionary<string, double> Accuracy(double value) => new() { [MetricNames.ValidationAccuracy] = value };

    /// <summary>Metrics with val_loss only.</summary>
    public static Dictionary<string, double> Loss(double value) => new() { [MetricNames.ValidationLoss] = value };

    /// <summary>A config with a learning rate.</summary>
    public static TrialConfig Config(double learningRate) => new([KeyValuePair.Create("learning_rate", ParameterValue.Of(learningRate))]);

    /// <summary>
    /// Feeds every epoch of every curve, epoch by epoch and trial by trial in the given order, and
    /// returns every non-continue decision as "trial@epoch:Type".
    /// </summary>
    public static List<string> Run(ITrialScheduler scheduler, IReadOnlyDictionary<string, double[]> curves, Func<double, Dictionary<string, double>>? metrics = null)
    {
        metrics ??= Accuracy;
        foreach (var id in curves.Keys)
        {
            scheduler.OnTrialAdded(id, TrialConfig.Empty);
        }

        var decisions = new List<string>();
        var pruned = new HashSet<string>();
        var epochs = curves.Values.Max(c => c.Length);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            foreach (var (id, curve) in curves)
            {
                if (epoch > curve.Length || pruned.Contains(id))
                {
                    continue;
                }

                var decision = scheduler.OnTrialResult(id, epoch, metrics(curve[epoch - 1]));
                if (decision is PruneDecision)
                {
                    pruned.Add(id);
                    scheduler.OnTrialComplete(id, failed: false);
                }

                if (decision is not ContinueDecision)
                {
                    decisions.Add($"{id}@{epoch}:{decision.GetType().Name.Replace("Decision", "", StringComparison.Ordinal)}");
                }
            }
        }

        return decisions;
    }
}
