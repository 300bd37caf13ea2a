using HyperTune.Search.Algorithms;
using HyperTune.Search.Schedulers;

namespace HyperTune.Search.Tests.Algorithms;

public sealed class AlgorithmRegistryTests
{
    [Fact]
    public void Default_BuiltInKinds()
    {
        Assert.Equal(["grid", "random", "tpe"], AlgorithmRegistry.Default.SearcherKinds);
        Assert.Equal(["asha", "hyperband", "median", "none", "pbt", "plateau"], AlgorithmRegistry.Default.SchedulerKinds);
    }

    [Fact]
    public void WithScheduler_NewKind_CopyKnowsItOriginalDoesNot()
    {
        var extended = AlgorithmRegistry.Default.WithScheduler(new FakeScheduler());

        Assert.True(extended.TryGetScheduler("fake", out _));
        Assert.False(AlgorithmRegistry.Default.TryGetScheduler("fake", out _));
        Assert.True(extended.TryGetScheduler(NoSchedulerProvider.KindName, out _));
    }

    private sealed class FakeScheduler : ISchedulerProvider
    {
        public string Kind => "fake";

        public IEnumerable<Search.Specs.SpecError> Validate(Search.Specs.StudySpec spec) => [];

        public ITrialScheduler Create(Search.Specs.StudySpec spec, TimeProvider? time = null) => new NoScheduler(spec, time);
    }
}
