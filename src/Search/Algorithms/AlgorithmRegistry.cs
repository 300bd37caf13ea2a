using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Schedulers.Hyperband;
using HyperTune.Search.Schedulers.Median;
using HyperTune.Search.Schedulers.Pbt;
using HyperTune.Search.Schedulers.Plateau;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Searchers.RandomSearch;
using HyperTune.Search.Searchers.Tpe;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// The searcher and scheduler kinds a process knows. Immutable: <see cref="WithSearcher"/> and
/// <see cref="WithScheduler"/> return extended copies, so a host adds its algorithms (say a custom searcher) without
/// touching the built-in ones, and passes the registry to the parser, builder, validator and factory.
/// </summary>
public sealed class AlgorithmRegistry
{
    private readonly ImmutableSortedDictionary<string, ISearcherProvider> _searchers;
    private readonly ImmutableSortedDictionary<string, ISchedulerProvider> _schedulers;

    /// <summary>Creates a registry; a later provider of the same kind replaces an earlier one.</summary>
    public AlgorithmRegistry(IEnumerable<ISearcherProvider> searchers, IEnumerable<ISchedulerProvider> schedulers)
    {
        ArgumentNullException.ThrowIfNull(searchers);
        ArgumentNullException.ThrowIfNull(schedulers);
        _searchers = searchers.Aggregate(ImmutableSortedDictionary.Create<string, ISearcherProvider>(StringComparer.Ordinal), (d, p) => d.SetItem(p.Kind, p));
        _schedulers = schedulers.Aggregate(ImmutableSortedDictionary.Create<string, ISchedulerProvider>(StringComparer.Ordinal), (d, p) => d.SetItem(p.Kind, p));
    }

    /// <summary>
    /// The built-in kinds: searchers <c>random</c>, <c>grid</c> and <c>tpe</c>; schedulers <c>none</c>, <c>median</c>,
    /// <c>asha</c>, <c>hyperband</c>, <c>pbt</c> and <c>plateau</c>.
    /// </summary>
    public static AlgorithmRegistry Default { get; } = new(
        [new RandomSearcherProvider(), new GridSearcherProvider(), new TpeSearcherProvider()],
        [
            new NoSchedulerProvider(),
            new MedianStoppingSchedulerProvider(),
            new AshaSchedulerProvider(),
            new HyperbandSchedulerProvider(),
            new PbtSchedulerProvider(),
            new PlateauSchedulerProvider(),
        ]);

    /// <summary>The searcher kinds, in ordinal order.</summary>
    public IEnumerable<string> SearcherKinds => _searchers.Keys;

    /// <summary>The scheduler kinds, in ordinal order.</summary>
    public IEnumerable<string> SchedulerKinds => _schedulers.Keys;

    /// <summary>A copy that also knows <paramref name="provider"/> (replacing one of the same kind).</summary>
    public AlgorithmRegistry WithSearcher(ISearcherProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(_searchers.Values.Append(provider), _schedulers.Values);
    }

    /// <summary>A copy that also knows <paramref name="provider"/> (replacing one of the same kind).</summary>
    public AlgorithmRegistry WithScheduler(ISchedulerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(_searchers.Values, _schedulers.Values.Append(provider));
    }

    /// <summary>Creates the searcher <paramref name="spec"/> names.</summary>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the searcher.</exception>
    public ISearcher CreateSearcher(StudySpec spec) => Find(AlgorithmSection.Searcher, spec, _searchers).Create(spec);

    /// <summary>Creates the scheduler <paramref name="spec"/> names.</summary>
    /// <param name="spec">The study spec.</param>
    /// <param name="time">The clock of timestamps the scheduler records (PBT lineage); default the system clock.</param>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the scheduler.</exception>
    public ITrialScheduler CreateScheduler(StudySpec spec, TimeProvider? time = null) => Find(AlgorithmSection.Scheduler, spec, _schedulers).Create(spec, time);

    /// <summary>Finds a searcher kind.</summary>
    public bool TryGetSearcher(string kind, [NotNullWhen(true)] out ISearcherProvider? provider) =>
        _searchers.TryGetValue(kind, out provider);

    /// <summary>Finds a scheduler kind.</summary>
    public bool TryGetScheduler(string kind, [NotNullWhen(true)] out ISchedulerProvider? provider) =>
        _schedulers.TryGetValue(kind, out provider);

    /// <summary>The error for a searcher kind the registry does not know.</summary>
    internal SpecError UnknownSearcher(string kind) => AlgorithmSection.Searcher.UnknownKind(kind, this);

    /// <summary>The error for a scheduler kind the registry does not know.</summary>
    internal SpecError UnknownScheduler(string kind) => AlgorithmSection.Scheduler.UnknownKind(kind, this);

    private TProvider Find<TProvider>(AlgorithmSection section, StudySpec spec, ImmutableSortedDictionary<string, TProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kind = section.KindOf(spec);
        return providers.TryGetValue(kind, out var provider) ? provider : throw new StudySpecException([section.UnknownKind(kind, this)]);
    }
}
