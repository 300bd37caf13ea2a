using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class DatasetSpecExtensionsTests
{
    [Theory]
    [InlineData(DatasetKinds.Digits, null, TaskKind.Classification)]
    [InlineData(DatasetKinds.Moons, null, TaskKind.Classification)]
    [InlineData(DatasetKinds.Regression, null, TaskKind.Regression)]
    [InlineData(DatasetKinds.Csv, null, TaskKind.Classification)]
    [InlineData(DatasetKinds.Csv, TaskKind.Regression, TaskKind.Regression)]
    public void ResolveTask_Kind_GivesTask(string kind, TaskKind? task, TaskKind expected) =>
        Assert.Equal(expected, new DatasetSpec { Kind = kind, Task = task }.ResolveTask());
}
