using HyperTune.Coordinator.Health;

namespace HyperTune.Coordinator.Tests.Health;

/// <summary>A cluster that answers as the test says, counting the calls.</summary>
internal sealed class FakeClusterPing : IClusterPing
{
    private int _calls;

    /// <summary>What the next call does; by default two silos answer.</summary>
    public Func<Task<int>> Answer { get; set; } = () => Task.FromResult(2);

    public int Calls => Volatile.Read(ref _calls);

    public Task<int> CountActiveSilosAsync()
    {
        Interlocked.Increment(ref _calls);
        return Answer();
    }
}
