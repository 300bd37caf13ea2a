using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private readonly PbtSchedulerOptions _options;
    private readonly int _interval;
    private readonly PbtPerturber _perturber;
    private PortableRandom _random;
    private Dictionary<string, int> _lastPerturbation = new(StringComparer.Ordinal);
    private ImmutableList<PbtLineageEntry> _lineage = [];

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

    /// <summary>Every exploit so far, oldest first.</summary>
    public IReadOnlyList<PbtLineageEntry> Lineage => _lineage;

    /// <summary>The epochs between a trial's exploit/explore steps.</summary>
    public int PerturbationInterval => _interval;

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        var last = _lastPerturbation.GetValueOrDefault(trial.Id);
        if (epoch - last < _interval)
        {
            return SchedulerDecision.Continue;
        }

        _lastPerturbation[trial.Id] = epoch;
        var population = Trials
            .Where(t => t.Status == SchedulerTrialStatus.Running && t.LastScore is not null)
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
        _lineage = _lineage.Add(new PbtLineageEntry(Time.GetUtcNow(), epoch, trial.Id, source.Id, checkpoint, trial.Config, config, learningRateFactor));
        trial.Config = config;
        trial.Scores.Clear();
        trial.LatestCheckpoint = null;
        _lastPerturbation[trial.Id] = checkpoint;
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
        ["random"] = _random.SaveState(),
        ["last_perturbation"] = JsonSerializer.SerializeToNode(new SortedDictionary<string, int>(_lastPerturbation, StringComparer.Ordinal), SchedulerState.JsonOptions),
        ["lineage"] = JsonSerializer.SerializeToNode(_lineage.ToList(), SchedulerState.JsonOptions),
    };

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject state)
    {
        try
        {
            _random = PortableRandom.FromState(state["random"]?.GetValue<string>() ?? throw new InvalidOperationException("The pbt state has no random stream."));
            _lastPerturbation = new Dictionary<string, int>(
                state["last_perturbation"]?.Deserialize<Dictionary<string, int>>(SchedulerState.JsonOptions) ?? [],
                StringComparer.Ordinal);
            _lineage = [.. state["lineage"]?.Deserialize<List<PbtLineageEntry>>(SchedulerState.JsonOptions) ?? []];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidOperationException("The pbt state is malformed: " + e.Message, e);
        }
    }
}
