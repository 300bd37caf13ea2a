using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class CurvePathTests
{
    [Fact]
    public void Build_LongCurve_ThinsToTheLimitAndKeepsTheSpike()
    {
        var epochs = Enumerable.Range(1, 5000).Select(e => Epoch(e, e == 2500 ? 100 : 1)).ToList();
        var scale = ChartScale.For(5000, [0, 100], logY: false);

        var path = CurvePath.Build(epochs, e => e.Metrics["loss"], scale, maxPoints: 200);

        var points = path.Count(c => c is 'M' or 'L');
        Assert.InRange(points, 50, 201);
        Assert.Contains(scale.Y(100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), path, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingValue_BreaksTheLine()
    {
        var epochs = new[] { Epoch(1, 1), Epoch(2, double.NaN), Epoch(3, 1) };

        var path = CurvePath.Build(epochs, e => e.Metrics["loss"], ChartScale.For(3, [0, 2], false), 200);

        Assert.Equal(2, path.Count(c => c == 'M'));
    }

    [Fact]
    public void Build_OnePoint_IsADashCentredOnIt()
    {
        // A fork pruned after one epoch, or any trial of one epoch: a lone move would draw nothing.
        var scale = ChartScale.For(30, [0, 2], false);

        var path = CurvePath.Build(new[] { Epoch(28, 1) }, e => e.Metrics["loss"], scale, 200);

        var (x, y) = (scale.X(28), scale.Y(1));
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{x - 2:0.#},{y:0.#}h4"), path);
    }

    [Fact]
    public void Build_PointBetweenGaps_IsADash_TheRunsAroundItStayLines()
    {
        var epochs = new[] { Epoch(1, 1), Epoch(2, 1.1), Epoch(3, double.NaN), Epoch(4, 1.2), Epoch(5, double.NaN), Epoch(6, 1), Epoch(7, 0.9) };

        var path = CurvePath.Build(epochs, e => e.Metrics["loss"], ChartScale.For(7, [0, 2], false), 200);

        Assert.Equal(3, path.Count(c => c == 'M'));
        Assert.Equal(2, path.Count(c => c == 'L'));
        Assert.Equal(1, path.Count(c => c == 'h'));
    }

    [Fact]
    public void Build_PointsOnALogXAxis_BreakTheLineWhereXHasNoLogarithm()
    {
        (double Rate, double Loss)[] points = [(1e-5, 2), (1e-4, 1.5), (0, 1.2), (1e-2, 1)];
        var scale = ChartScale.ForLogX(1e-5, 1e-2, points.Select(p => p.Loss), false);

        var path = CurvePath.Build(points, p => p.Rate, p => p.Loss, scale, 200);

        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(1, path.Count(c => c == 'L'));
        Assert.StartsWith($"M{ChartScale.Left:0.#},", path, StringComparison.Ordinal);
    }

    private static EpochMetrics Epoch(int epoch, double loss) =>
        new(epoch, epoch, ImmutableDictionary<string, double>.Empty.Add("loss", loss), 0.1, 0, DateTimeOffset.UnixEpoch);
}
