using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class ClassLabelOrderingTests
{
    [Fact]
    public void Order_AllIntegers_Numerically()
    {
        Assert.Equal(["-1", "2", "10", "100"], ClassLabelOrdering.Order(["10", "2", "100", "-1"]));
    }

    [Fact]
    public void Order_AllNumbers_Numerically()
    {
        Assert.Equal(["0.5", "1.0", "2.0", "10.0"], ClassLabelOrdering.Order(["10.0", "2.0", "0.5", "1.0"]));
    }

    [Fact]
    public void Order_AnyText_Ordinally()
    {
        Assert.Equal(["10", "2", "Zebra", "apple"], ClassLabelOrdering.Order(["apple", "2", "Zebra", "10"]));
    }
}
