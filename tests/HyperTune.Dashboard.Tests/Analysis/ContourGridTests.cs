using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class ContourGridTests
{
    [Fact]
    public void Interpolate_TwoTrials_CellsTakeTheNearerValueAndFarCellsStayEmpty()
    {
        var grid = ContourGrid.Interpolate([(0.05, 0.05, 1.0), (0.35, 0.05, 3.0)], size: 10);

        Assert.Equal(1.0, grid[0, 0], 9);          // the trial's own cell
        Assert.Equal(3.0, grid[0, 3], 9);
        Assert.InRange(grid[0, 1], 1.0, 2.0);       // nearer the first
        Assert.InRange(grid[0, 2], 2.0, 3.0);       // nearer the second
        Assert.True(double.IsNaN(grid[9, 9]));      // far from both
    }

    [Fact]
    public void Interpolate_NoTrials_IsAllEmpty()
    {
        var grid = ContourGrid.Interpolate([], 3);

        Assert.All(grid.Cast<double>(), v => Assert.True(double.IsNaN(v)));
    }
}
