using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class RobustRangeTests
{
    [Fact]
    public void Of_OneDivergedCurveAmongTwenty_LeavesItsTailOut()
    {
        // 20 loss curves from 2.3 down to about 0.1; one of them explodes to 1e3 over its last 30 of 100 epochs.
        var values = new List<double>();
        for (var trial = 0; trial < 20; trial++)
        {
            for (var epoch = 1; epoch <= 100; epoch++)
            {
                values.Add(trial == 7 && epoch > 70 ? 1e3 * epoch : 0.1 + 2.2 * Math.Exp(-0.05 * epoch) + trial * 0.005);
            }
        }

        var (low, high) = RobustRange.Of(values)!.Value;

        Assert.InRange(low, 0.09, 0.2);
        Assert.InRange(high, 2.2, 2.5); // the early epochs stay in, the diverged tail does not
    }

    [Fact]
    public void Of_AccuracyStartingAtChance_KeepsEveryValue()
    {
        var values = Enumerable.Range(1, 100).Select(e => 0.98 - 0.88 * Math.Exp(-0.1 * e)).ToList();

        var (low, high) = RobustRange.Of(values)!.Value;

        Assert.Equal(values.Min(), low, 9);
        Assert.Equal(values.Max(), high, 9);
    }

    [Fact]
    public void Of_LogScale_WorksOnExponentsAndSkipsValuesWithoutALogarithm()
    {
        var (low, high) = RobustRange.Of([1e-4, 1e-3, 1e-2, 0, -1], log: true)!.Value;

        Assert.Equal((-4, -2), (Math.Round(low, 9), Math.Round(high, 9)));
    }

    [Fact]
    public void Of_NoFiniteValue_IsNull() => Assert.Null(RobustRange.Of([double.NaN, double.PositiveInfinity]));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.5, 2.5)]
    [InlineData(1, 4)]
    public void Quantile_Sorted_Interpolates(double q, double expected) => Assert.Equal(expected, RobustRange.Quantile([1, 2, 3, 4], q), 9);

    [Fact]
    public void OfCurves_TwoCurvesStuckFarAboveSixteen_LeavesThemOut()
    {
        var curves = new List<IReadOnlyList<double>>();
        for (var trial = 0; trial < 16; trial++)
        {
            curves.Add([.. Enumerable.Range(1, 60).Select(e => 0.05 + 1.5 * Math.Exp(-0.1 * e) + trial * 0.01)]);
        }

        curves.Add([.. Enumerable.Range(1, 60).Select(e => 100 + 50 * Math.Sin(e))]); // a loss of 50 to 150 throughout
        curves.Add([.. Enumerable.Range(1, 60).Select(e => 30.0 + e)]);

        var (low, high) = RobustRange.OfCurves(curves)!.Value;

        Assert.InRange(low, 0.04, 0.1);
        Assert.InRange(high, 1.3, 1.8);
        Assert.True(RobustRange.Of(curves.SelectMany(c => c))!.Value.High > 50); // the points alone would keep them in
    }

    [Fact]
    public void OfCurves_AccuracyCurvesSomeAtChance_KeepsThemAll()
    {
        var curves = new List<IReadOnlyList<double>>();
        for (var trial = 0; trial < 10; trial++)
        {
            curves.Add([.. Enumerable.Range(1, 30).Select(e => trial < 2 ? 0.1 : 0.98 - 0.5 * Math.Exp(-0.2 * e))]);
        }

        var (low, high) = RobustRange.OfCurves(curves)!.Value;

        Assert.Equal(0.1, low, 9);
        Assert.InRange(high, 0.97, 0.98);
    }
}
