namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// The objective over two hyperparameters as a coarse grid. The trials are first binned into the grid's cells (each cell
/// with trials takes their mean value); every other cell is interpolated from those bins by inverse distance weighting
/// (weight 1/d² to each bin's mean position, in the unit square both axes map to), and a cell farther than
/// <see cref="MaxDistance"/> from every trial is left empty, so the picture never claims more than the trials show.
/// Binning first keeps the cost at cells² whatever the number of trials.
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
        var sum = new double[size, size];
        var sumX = new double[size, size];
        var sumY = new double[size, size];
        var count = new int[size, size];
        foreach (var (x, y, value) in points)
        {
            if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(value))
            {
                continue;
            }

            var (column, row) = (Cell(x, size), Cell(y, size));
            sum[row, column] += value;
            sumX[row, column] += x;
            sumY[row, column] += y;
            count[row, column]++;
        }

        var bins = new List<(double X, double Y, double Value)>();
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (count[row, column] > 0)
                {
                    var n = count[row, column];
                    bins.Add((sumX[row, column] / n, sumY[row, column] / n, sum[row, column] / n));
                }
            }
        }

        var grid = new double[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (count[row, column] > 0)
                {
                    grid[row, column] = sum[row, column] / count[row, column];
                    continue;
                }

                var (cx, cy) = ((column + 0.5) / size, (row + 0.5) / size);
                double weights = 0, total = 0, nearest = double.PositiveInfinity;
                foreach (var (x, y, value) in bins)
                {
                    var squared = Math.Max(1e-12, (x - cx) * (x - cx) + (y - cy) * (y - cy));
                    nearest = Math.Min(nearest, squared);
                    weights += 1 / squared;
                    total += value / squared;
                }

                grid[row, column] = Math.Sqrt(nearest) > MaxDistance ? double.NaN : total / weights;
            }
        }

        return grid;
    }

    private static int Cell(double position, int size) => Math.Clamp((int)(position * size), 0, size - 1);
}
