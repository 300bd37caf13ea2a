using System.Collections.Concurrent;
using HyperTune.Search.Limits;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// The process-wide cache of prepared datasets: each distinct <see cref="DatasetSpec"/> is loaded once, by the
/// <see cref="IDatasetSource"/> of its kind, and the result is shared read-only by every run. Concurrent callers
/// for the same spec wait for the same load. A failed load is not cached: every caller waiting on it sees the
/// failure, and the next call tries again. Thread-safe.
/// </summary>
public sealed class DatasetCatalog
{
    private readonly Dictionary<string, IDatasetSource> _sources;
    private readonly ConcurrentDictionary<DatasetSpec, Lazy<PreparedDataset>> _loaded = new();

    /// <summary>Creates a catalog over the given sources, one per kind.</summary>
    public DatasetCatalog(IEnumerable<IDatasetSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = new Dictionary<string, IDatasetSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            if (!_sources.TryAdd(source.Kind, source))
            {
                throw new ArgumentException($"Two sources load the kind '{source.Kind}'.", nameof(sources));
            }
        }

        Kinds = [.. _sources.Keys];
    }

    /// <summary>The catalog of the process, over <see cref="CreateBuiltinSources"/>.</summary>
    public static DatasetCatalog Default { get; } = new(CreateBuiltinSources());

    /// <summary>The kinds the catalog can load, in the order the sources were given.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The number of datasets loaded (or loading) and cached.</summary>
    public int Count => _loaded.Count;

    /// <summary>
    /// One source of each built-in kind: digits, spirals, moons, blobs, regression and csv, whose files are read through
    /// <paramref name="roots"/> (null: the current directory) and at most <paramref name="maxCsvBytes"/> bytes each.
    /// </summary>
    public static IReadOnlyList<IDatasetSource> CreateBuiltinSources(DataRoots? roots = null, long maxCsvBytes = CsvDatasetSource.DefaultMaxBytes) =>
    [
        new DigitsDatasetSource(),
        new SpiralsDatasetSource(),
        new MoonsDatasetSource(),
        new BlobsDatasetSource(),
        new RegressionDatasetSource(),
        new CsvDatasetSource(roots, maxCsvBytes),
    ];

    /// <summary>
    /// The shape training will see for <paramref name="spec"/>: from the spec alone for the built-in kinds (nothing is
    /// generated), otherwise by loading it like <see cref="GetOrLoad"/> (a csv file is read and checked whole, within the
    /// source's limits, and kept for the trials that follow).
    /// </summary>
    /// <exception cref="ArgumentException">No source loads the spec's kind, or the spec is invalid.</exception>
    /// <exception cref="DatasetFormatException">The data file is missing, not allowed, too large or malformed.</exception>
    public DatasetShape Probe(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (DatasetShapes.FromSpec(spec) is { } known)
        {
            return known;
        }

        var data = GetOrLoad(spec);
        return new DatasetShape(data.FeatureCount, data.OutputCount, data.Train.Count, data.Validation.Count);
    }

    /// <summary>
    /// Returns the prepared dataset of a spec, loading it on the first call. A load is shared by every caller of
    /// the same spec, so it cannot be cancelled by one of them.
    /// </summary>
    /// <exception cref="ArgumentException">No source loads the spec's kind (the message lists those that do), or the spec is invalid.</exception>
    /// <exception cref="DatasetFormatException">The data file is missing or malformed.</exception>
    public PreparedDataset GetOrLoad(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!_sources.TryGetValue(spec.Kind ?? string.Empty, out var source))
        {
            throw new ArgumentException(
                $"Unknown dataset kind '{spec.Kind}'. Known kinds: {string.Join(", ", Kinds)}.", nameof(spec));
        }

        var lazy = _loaded.GetOrAdd(
            spec,
            static (key, s) => new Lazy<PreparedDataset>(
                () => s.Load(key, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication),
            source);
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Forget the failed load (only this one: a retry may already have replaced it) so the next call retries.
            _loaded.TryRemove(new KeyValuePair<DatasetSpec, Lazy<PreparedDataset>>(spec, lazy));
            throw;
        }
    }

    /// <summary>Forgets a cached dataset, so its memory can be reclaimed once no run uses it; true when it was cached.</summary>
    public bool Evict(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _loaded.TryRemove(spec, out _);
    }
}
