using HyperTune.Storage.Checkpoints;

namespace HyperTune.Storage.Tests.Checkpoints;

public sealed class CheckpointRetentionPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<CheckpointInfo> Epochs(params int[] epochs) => [.. epochs.Select(e => new CheckpointInfo("run", e, 10, At))];

    [Fact]
    public void SelectForDeletion_KeepLastTwoAndBest_DeletesTheRestOldestFirst()
    {
        var doomed = CheckpointRetentionPolicy.Default.SelectForDeletion(Epochs(5, 1, 4, 2, 3), bestEpoch: 2);

        Assert.Equal([1, 3], doomed.Select(c => c.Epoch));
    }

    [Fact]
    public void SelectForDeletion_KeepBestOff_KeepsOnlyTheLast()
    {
        var policy = new CheckpointRetentionPolicy(new CheckpointRetentionOptions { KeepLast = 1, KeepBest = false });

        Assert.Equal([1, 2, 3], policy.SelectForDeletion(Epochs(1, 2, 3, 4), bestEpoch: 2).Select(c => c.Epoch));
    }

    [Fact]
    public void SelectForDeletion_NoBestYetOrFewCheckpoints_DeletesNothingItMustKeep()
    {
        Assert.Empty(CheckpointRetentionPolicy.Default.SelectForDeletion(Epochs(1, 2), bestEpoch: null));
        Assert.Equal([1], CheckpointRetentionPolicy.Default.SelectForDeletion(Epochs(1, 2, 3), bestEpoch: null).Select(c => c.Epoch));
        Assert.Equal([1], CheckpointRetentionPolicy.Default.SelectForDeletion(Epochs(1, 2, 3), bestEpoch: 42).Select(c => c.Epoch));
    }

    [Fact]
    public void Constructor_KeepLastBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CheckpointRetentionPolicy(new CheckpointRetentionOptions { KeepLast = 0 }));
    }
}
