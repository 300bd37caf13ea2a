using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Randomness;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>
/// Population-based training (Jaderberg et al., 2017; asynchronous, as Ray Tune's <c>PopulationBasedTraining</c>). Every
/// <see cref="PbtSchedulerOptions.PerturbationInterval"/> epochs of a trial, the running trials with a result are ranked
/// by their last score; if the trial is in the bottom <see cref="PbtSchedulerOptions.QuantileFraction"/>, it gets an
/// <see cref="ExploitDecision"/>: take over the latest checkpoint of a trial drawn from the top quantile, with that
/// trial's config perturbed (see <see cref="PbtPerturber"/>). Only trials with a checkpoint (<see cref="ITrialScheduler.OnCheckpoint"/>)
/// are eligible as sources; when none is, the trial continues. Every exploit is kept in <see cref="Lineage"/>.
/// </summary>
/// <remarks>
/// After an exploit the target's config is the new one, it has no checkpoint of its own until the grain reports one,
/// its scores restart, and its next exploit comes an interval after the source checkpoint's epoch it resumes from.
/// The quantile size is ⌈n·q⌉, lowered to ⌊n/2⌋ if larger; there is no exploit in a population of fewer than two.
/// </remarks>
public sealed class PbtScheduler : TrialSchedulerBase
{
    private const string RandomProperty = "random";
    private const string LineageCountProperty = "lineage_count";
    private readonly PbtSchedulerOptions _options;
    private readonly int _interval;
    private readonly PbtPerturber _perturber;
    private readonly Dictionary<string, PbtTrialPart> _trials = new(StringComparer.Ordinal);
    private readonly List<PbtLineageEntry> _lineage = [];
    private PortableRandom _random;

    /// <summary>Creates the scheduler of a spec; a null perturbation interval is the spec's checkpoint interval.</summary>
    public PbtScheduler(StudySpec spec, PbtSchedulerOptions? options = null, TimeProvider? time = null)
        : base(spec, time)
    {
        _options = options ?? new PbtSchedulerOptions();
        _interval = Math.Max(1, _options.PerturbationInterval ?? spec.CheckpointInterval);
        _perturber = new PbtPerturber(spec.SearchSpace, _options);
        _random = new PortableRandom(_options.Seed ?? spec.Seed);
    }

    /// <inheritdoc />
    public override string Kind => PbtSchedulerProvider.KindName;

    /// <summary>Every exploit so far, oldest first (a live view).</summary>
    public IReadOnlyList<PbtLineageEntry> Lineage => _lineage.AsReadOnly();

    /// <summary>The epochs between a trial's exploit/explore steps.</summary>
    public int PerturbationInterval => _interval;

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        if (epoch - (_trials.GetValueOrDefault(trial.Id)?.LastPerturbation ?? 0) < _interval)
        {
            return SchedulerDecision.Continue;
        }

        var part = PartOf(trial);
        part.LastPerturbation = epoch;
        var population = RunningTrials
            .Where(t => t.LastScore is not null)
            .OrderBy(t => t.LastScore!.Value)
            .ThenBy(t => t.Index)
            .ToList();
        var size = (int)Math.Ceiling(population.Count * _options.QuantileFraction);
        if (size > population.Count / 2)
        {
            size = population.Count / 2;
        }

        if (size == 0 || !population.Take(size).Contains(trial))
        {
            return SchedulerDecision.Continue;
        }

        var sources = population.Skip(population.Count - size).Where(t => t.LatestCheckpoint is not null && !ReferenceEquals(t, trial)).ToList();
        if (sources.Count == 0)
        {
            return SchedulerDecision.Continue;
        }

        var source = sources[_random.Next(sources.Count)];
        var checkpoint = source.LatestCheckpoint!.Value;
        var (config, learningRateFactor) = _perturber.Perturb(source.Config, _random);
        var entry = new PbtLineageEntry(Time.GetUtcNow(), epoch, trial.Id, source.Id, checkpoint, trial.Config, config, learningRateFactor);
        (part.Lineage ??= []).Add(new PbtLineageRecord(_lineage.Count, entry));
        _lineage.Add(entry);
        trial.Config = config;
        trial.Scores.Clear();
        trial.LatestCheckpoint = null;
        part.LastPerturbation = checkpoint;
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{Spec.Objective.Metric} {Metric(score)} is in the bottom {Format4(_options.QuantileFraction * 100)}% at epoch {epoch}; takes over {source.Id} at epoch {checkpoint} ({Metric(source.LastScore!.Value)})");
        if (learningRateFactor is { } f)
        {
            reason += ", learning rate × " + Format4(f);
        }

        return SchedulerDecision.Exploit(source.Id, checkpoint, config, learningRateFactor, reason);
    }

    /// <inheritdoc />
    protected override JsonObject SaveAlgorithmState() => new()
    {
        [RandomProperty] = _random.SaveState(),
        [LineageCountProperty] = _lineage.Count,
    };

    /// <inheritdoc />
    protected override JsonObject? SaveTrialAlgorithmState(SchedulerTrial trial) =>
        _trials.TryGetValue(trial.Id, out var part) ? JsonSerializer.SerializeToNode(part, AlgorithmJson.Options)!.AsObject() : null;

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
        try
        {
            var random = PortableRandom.FromState(shared[RandomProperty]?.GetValue<string>() ?? throw new InvalidOperationException("The pbt state has no random stream."));
            var count = shared[LineageCountProperty]?.GetValue<int>() ?? throw new InvalidOperationException("The pbt state has no lineage count.");
            var records = new List<PbtLineageRecord>();
            _trials.Clear();
            foreach (var trial in Trials)
            {
                if (trialState(trial)?.Deserialize<PbtTrialPart>(AlgorithmJson.Options) is { } part)
                {
                    _trials[trial.Id] = part;
                    records.AddRange(part.Lineage ?? []);
                }
            }

            if (records.Count != count)
            {
                throw new InvalidOperationException($"The pbt state counts {count} exploits but its trials hold {records.Count}.");
            }

            var lineage = new PbtLineageEntry[count];
            foreach (var (sequence, entry) in records)
            {
                if (sequence < 0 || sequence >= count || lineage[sequence] is not null || entry is null)
                {
                    throw new InvalidOperationException($"The pbt state holds no exploit, or two, at place {sequence} of its lineage of {count}.");
                }

                lineage[sequence] = entry;
            }

            _random = random;
            _lineage.Clear();
            _lineage.AddRange(lineage);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidOperationException("The pbt state is malformed: " + e.Message, e);
        }
    }

    /// <summary>Format 1 kept the last perturbations and the lineage together: each goes to its trial's part.</summary>
    private protected override JsonObject UpgradeFormat1(JsonObject algorithm, Dictionary<string, JsonObject> trialStates)
    {
        var parts = new SortedDictionary<string, PbtTrialPart>(StringComparer.Ordinal);
        PbtTrialPart Part(string id) => parts.TryGetValue(id, out var part) ? part : parts[id] = new PbtTrialPart();
        foreach (var (id, epoch) in algorithm["last_perturbation"]?.Deserialize<Dictionary<string, int>>(AlgorithmJson.Options) ?? [])
        {
            Part(id).LastPerturbation = epoch;
        }

        var lineage = algorithm["lineage"]?.Deserialize<List<PbtLineageEntry>>(AlgorithmJson.Options) ?? [];
        for (var i = 0; i < lineage.Count; i++)
        {
            (Part(lineage[i].TargetTrialId).Lineage ??= []).Add(new PbtLineageRecord(i, lineage[i]));
        }

        foreach (var (id, part) in parts)
        {
            trialStates[id] = JsonSerializer.SerializeToNode(part, AlgorithmJson.Options)!.AsObject();
        }

        return new JsonObject
        {
            [RandomProperty] = algorithm[RandomProperty]?.DeepClone(),
            [LineageCountProperty] = lineage.Count,
        };
    }

    private PbtTrialPart PartOf(SchedulerTrial trial)
    {
        if (!_trials.TryGetValue(trial.Id, out var part))
        {
            _trials[trial.Id] = part = new PbtTrialPart();
        }

        return part;
    }
}
