namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// The objective over two hyperparameters as a coarse grid: each cell's value is interpolated from the trials by inverse
/// distance weighting (weight 1/d², in the unit square both axes map to), and a cell farther than
/// <see cref="MaxDistance"/> from every trial is left empty, so the picture never claims more than the trials show.
/// </summary>
public static class ContourGrid
{
    /// <summary>How far (in units of the axis length) a cell may be from the nearest trial and still get a value.</summary>
    public const double MaxDistance = 0.25;

    /// <summary>
    /// A <paramref name="size"/>×<paramref name="size"/> grid (row 0 at the bottom, column 0 at the left) over
    /// <paramref name="points"/>, whose X and Y lie in 0…1; NaN marks an empty cell.
    /// </summary>
    public static double[,] Interpolate(IReadOnlyList<(double X, double Y, double Value)> points, int size)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var grid = new double[size, size];
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && double.IsFinite(p.Value)).ToList();
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                var (cx, cy) = ((column + 0.5) / size, (row + 0.5) / size);
                double weights = 0, sum = 0, nearest = double.PositiveInfinity, exact = double.NaN;
                foreach (var (x, y, value) in finite)
                {
                    var squared = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    nearest = Math.Min(nearest, squared);
                    if (squared < 1e-18)
                    {
                        exact = value;
                        break;
                    }

                    weights += 1 / squared;
                    sum += value / squared;
                }

                grid[row, column] = !double.IsNaN(exact) ? exact
                    : Math.Sqrt(nearest) > MaxDistance ? double.NaN
                    : sum / weights;
            }
        }

        return grid;
    }
}
