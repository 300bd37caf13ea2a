using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Datasets;

/// <summary>
/// A fake source of kind <c>fake</c> that counts its loads, can hold each load until released, and can fail its
/// first loads.
/// </summary>
internal sealed class CountingDatasetSource : IDatasetSource, IDisposable
{
    /// <summary>The kind this source loads.</summary>
    public const string FakeKind = "fake";

    private readonly ManualResetEventSlim? _gate;
    private int _failuresLeft;
    private int _loads;

    /// <summary>Creates the source.</summary>
    /// <param name="gate">When given, every load waits for it to be set.</param>
    /// <param name="failures">How many of the first loads throw.</param>
    public CountingDatasetSource(ManualResetEventSlim? gate = null, int failures = 0)
    {
        _gate = gate;
        _failuresLeft = failures;
    }

    /// <inheritdoc />
    public string Kind => FakeKind;

    /// <summary>How many times <see cref="Load"/> has started.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Set when a load has started.</summary>
    public ManualResetEventSlim LoadStarted { get; } = new();

    /// <inheritdoc />
    public PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        LoadStarted.Set();
        if (_gate is not null && !_gate.Wait(TimeSpan.FromSeconds(30), cancellationToken))
        {
            throw new TimeoutException("The test never released the load.");
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The fake load failed.");
        }

        return Tiny(spec.Seed);
    }

    /// <inheritdoc />
    public void Dispose() => LoadStarted.Dispose();

    /// <summary>A two-class dataset of one feature, two training rows and two validation rows.</summary>
    public static PreparedDataset Tiny(int seed = 0) => new(
        $"fake (seed {seed})",
        TaskKind.Classification,
        ["a", "b"],
        DatasetSplit.ForClassification(1, [0f, 1f], [0, 1]),
        DatasetSplit.ForClassification(1, [0.5f, 0.7f], [0, 1]));
}
