using TorchSharp;

namespace HyperTune.Training.Runtime;

/// <summary>
/// Process-wide libtorch settings. libtorch's intra-op thread count applies to the whole process, so it is set once:
/// by default one thread per run, with parallelism from running runs side by side.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static int _threads;

    /// <summary>The intra-op thread count in force, or 0 before <see cref="EnsureInitialized"/>.</summary>
    public static int Threads => Volatile.Read(ref _threads);

    /// <summary>
    /// Loads libtorch and sets the intra-op thread count the first time; later calls keep the first count and return it.
    /// </summary>
    public static int EnsureInitialized(int intraOpThreads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        lock (Gate)
        {
            if (_threads == 0)
            {
                torch.set_num_threads(intraOpThreads);
                Volatile.Write(ref _threads, intraOpThreads);
            }

            return _threads;
        }
    }
}
