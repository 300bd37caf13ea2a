using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Clustering;

namespace HyperTune.Dashboard.Tests.Clustering;

public sealed class PoolOccupancyTests
{
    [Fact]
    public void Of_TwoSlotsARunningAPausedAndAWaitingTrial_TheWaitingOneUsesNoSlot()
    {
        var pool = new SlotPool(2, ["t1", "t2", "t3"]);
        var states = new Dictionary<string, TrialState> { ["t1"] = TrialState.Running, ["t2"] = TrialState.Paused, ["t3"] = TrialState.Pending };

        var occupancy = PoolOccupancy.Of(pool, states);

        Assert.Equal<string>(["t1"], occupancy.Running);
        Assert.Equal<string>(["t2"], occupancy.Paused);
        Assert.Equal<string>(["t3"], occupancy.WaitingTrialIds);
        Assert.Equal((2, 0), (occupancy.Used, occupancy.Free));
    }

    [Fact]
    public void Of_ATrialJustStartedWaitsForAFreeSlot_TheSlotIsNotCountedUsed()
    {
        // The directory placed it (its slot is reserved), but its run has not got the slot yet: Pending, not using one.
        var occupancy = PoolOccupancy.Of(new SlotPool(2, ["t1", "t2"]), new Dictionary<string, TrialState> { ["t1"] = TrialState.Running, ["t2"] = TrialState.Pending });

        Assert.Equal((1, 1, 1), (occupancy.Used, occupancy.Waiting, occupancy.Free));
    }

    [Fact]
    public void Of_ATrialThatDidNotAnswerOrHasFinished_KeepsItsPlaceButIsNeitherRunningNorWaiting()
    {
        var occupancy = PoolOccupancy.Of(new SlotPool(3, ["t1", "t2"]), new Dictionary<string, TrialState> { ["t2"] = TrialState.Completed });

        Assert.Equal((0, 0, 1), (occupancy.Used, occupancy.Waiting, occupancy.Free));
        Assert.Empty(occupancy.Running);
    }

    [Fact]
    public void Unknown_NoStates_TheDirectorysFreeSlots()
    {
        var occupancy = PoolOccupancy.Unknown(new SlotPool(2, ImmutableArray.Create("t1")));

        Assert.Equal((0, 1), (occupancy.Used, occupancy.Free));
    }
}
