using HyperTune.Search;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class SampleTableTests
{
    [Fact]
    public void Gather_Rows_CopiesThemInTheGivenOrder()
    {
        var table = new SampleTable(2, TaskKind.Classification);
        table.Add([0f, 1f], 0L);
        table.Add([2f, 3f], 1L);
        table.Add([4f, 5f], 2L);

        var split = table.Gather([2, 0]);

        Assert.Equal([4f, 5f, 0f, 1f], split.Features);
        Assert.Equal([2L, 0L], split.ClassLabels!);
    }

    [Fact]
    public void GatherAll_Regression_EveryRowWithTargets()
    {
        var table = new SampleTable(1, TaskKind.Regression);
        table.Add([1f], 10f);
        table.Add([2f], 20f);

        var split = table.GatherAll();

        Assert.Equal(2, split.Count);
        Assert.Equal([10f, 20f], split.Targets!);
    }

    [Fact]
    public void Add_TargetToClassificationTable_Throws()
    {
        var table = new SampleTable(1, TaskKind.Classification);

        Assert.Throws<InvalidOperationException>(() => table.Add([1f], 2.5f));
    }

    [Fact]
    public void Add_WrongRowLength_Throws()
    {
        var table = new SampleTable(2, TaskKind.Regression);

        Assert.Throws<ArgumentException>(() => table.Add([1f], 2.5f));
    }
}
