using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Schedulers.Hyperband;
using HyperTune.Search.Schedulers.Median;
using HyperTune.Search.Schedulers.Pbt;
using HyperTune.Search.Schedulers.Plateau;
using HyperTune.Search.Specs;
using HyperTune.Search.Tests.Algorithms;
using HyperTune.Search.Tests.Searchers;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Search.Tests.Schedulers;

/// <summary>The replay property (<see cref="ReplayCheck"/>) for every scheduler kind, over many seeds.</summary>
public sealed class SchedulerReplayTests
{
    private const int Seeds = 200;
    private const int Steps = 120;

    public static TheoryData<string> Kinds => [.. AlgorithmRegistry.Default.SchedulerKinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Restore_FromStoredPartsAtRandomPoints_ReplicaDecidesEveryLaterEventAsTheOriginal(string kind)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var spec = Spec(kind, random);
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            ReplayCheck.Run(seed, Steps, () => SchedulerFactory.Create(spec, time), (r, s) => NextEvent(r, s, spec, time));
        }
    }

    /// <summary>A spec of the kind with options, objective and epochs varied by the seed.</summary>
    internal static StudySpec Spec(string kind, Random random)
    {
        var maxEpochs = random.Next(4, 13);
        object? options = kind switch
        {
            "median" => new MedianStoppingSchedulerOptions { GracePeriod = random.Next(1, 4), MinSamples = random.Next(1, 4), UseRunningAverage = random.Next(2) == 0 },
            "asha" => new AshaSchedulerOptions { GracePeriod = 1, ReductionFactor = random.Next(2, 4), Brackets = random.Next(1, 3) },
            "hyperband" => new HyperbandSchedulerOptions { GracePeriod = 1, ReductionFactor = random.Next(2, 4) },
            "pbt" => new PbtSchedulerOptions
            {
                PerturbationInterval = random.Next(1, 4),
                QuantileFraction = random.Next(2) == 0 ? 0.25 : 0.5,
                ResampleProbability = random.Next(3) * 0.25,
                HyperparamMutations = random.Next(2) == 0 ? ["learning_rate"] : ["learning_rate", "gamma", "batch_size"],
            },
            "plateau" => new PlateauSchedulerOptions { Patience = random.Next(0, 3), Cooldown = random.Next(0, 2), Factor = 0.5, MinLr = random.Next(2) == 0 ? 0 : 1e-4 },
            _ => null,
        };
        var spec = SchedulerScript.Spec(kind, options, maxEpochs, checkpointInterval: random.Next(1, 4)) with { Seed = random.Next() };
        return random.Next(2) == 0 ? spec : spec with { Objective = ObjectiveSpec.For(MetricNames.ValidationLoss) };
    }

    /// <summary>
    /// New trials; results mostly at each trial's next epoch, sometimes again at an earlier one (a restart from a
    /// checkpoint) or past max epochs; checkpoints; ends (completes, failures, the end of pruned trials); results of
    /// pruned, ended and unknown trials; the clock moving on.
    /// </summary>
    internal static ReplayCheck.Event<ITrialScheduler> NextEvent(Random random, ITrialScheduler original, StudySpec spec, FakeTimeProvider time)
    {
        if (random.Next(10) == 0)
        {
            time.Advance(TimeSpan.FromSeconds(random.Next(1, 100)));
        }

        var trials = ((TrialSchedulerBase)original).Trials;
        var running = trials.Where(t => t.Status == SchedulerTrialStatus.Running).ToList();
        var roll = random.Next(100);
        if (trials.Count == 0 || (roll < 15 && trials.Count < 16) || (running.Count == 0 && roll < 60))
        {
            var id = "t" + trials.Count.ToString(CultureInfo.InvariantCulture);
            var config = spec.SearchSpace.Sample(random);
            return s =>
            {
                s.OnTrialAdded(id, config);
                return "";
            };
        }

        var trial = running.Count > 0 && roll < 85 ? running[random.Next(running.Count)] : trials[random.Next(trials.Count)];
        var trialId = random.Next(40) == 0 ? "unknown" : trial.Id;
        if (roll < 65)
        {
            var epoch = NextEpoch(trial, original);
            if (random.Next(8) == 0)
            {
                epoch = random.Next(1, epoch + 1); // a restart from a checkpoint reports epochs again
            }
            else if (random.Next(20) == 0)
            {
                epoch += random.Next(1, 3); // a lost report
            }

            var metrics = SearcherReplayTests.Metrics(random);
            return s => Describe(s.OnTrialResult(trialId, epoch, metrics));
        }

        if (roll < 80)
        {
            var epoch = Math.Max(0, trial.LastEpoch - random.Next(2));
            return s =>
            {
                s.OnCheckpoint(trialId, epoch);
                return "";
            };
        }

        var failed = random.Next(4) == 0;
        return s =>
        {
            s.OnTrialComplete(trialId, failed);
            return "";
        };
    }

    /// <summary>The epoch a trial reports next: after its last, or after the checkpoint it took over in its last exploit.</summary>
    private static int NextEpoch(SchedulerTrial trial, ITrialScheduler scheduler) =>
        trial.Scores.Count == 0 && scheduler is PbtScheduler pbt && pbt.Lineage.LastOrDefault(e => e.TargetTrialId == trial.Id) is { } exploit
            ? exploit.SourceCheckpointEpoch + 1
            : trial.LastEpoch + 1;

    private static string Describe(SchedulerDecision decision) => decision switch
    {
        ExploitDecision e => string.Create(CultureInfo.InvariantCulture, $"Exploit {e.SourceTrialId}@{e.SourceCheckpointEpoch} {e.NewConfig.ToJson()} lr×{e.LearningRateFactor:R}: {e.Reason}"),
        _ => decision.ToString(),
    };
}
