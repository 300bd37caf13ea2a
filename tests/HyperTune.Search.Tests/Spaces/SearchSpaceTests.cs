using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class SearchSpaceTests
{
    private static readonly SearchSpace ScheduleSpace = new(
    [
        new SearchParameter("schedule", new CategoricalDomain(["constant", "step", "exponential"])),
        new SearchParameter("gamma", new UniformFloatDomain(0.1, 0.9), new ParameterCondition("schedule", ["step", "exponential"])),
        new SearchParameter("learning_rate", new LogUniformFloatDomain(1e-4, 1e-1)),
    ]);

    private static readonly SearchSpace ChainSpace = new(
    [
        new SearchParameter("optimizer", new CategoricalDomain(["sgd", "adam"])),
        new SearchParameter("momentum", new CategoricalDomain([0.0, 0.9]), new ParameterCondition("optimizer", ["sgd"])),
        new SearchParameter("nesterov", new CategoricalDomain([true, false]), new ParameterCondition("momentum", [0.9])),
    ]);

    [Fact]
    public void Sample_Conditional_ChildPresentExactlyWhenParentActivatesIt()
    {
        var random = new PortableRandom(5);
        var withGamma = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var config = ScheduleSpace.Sample(random);
            var activates = config["schedule"].AsString() is "step" or "exponential";
            Assert.Equal(activates, config.ContainsKey("gamma"));
            Assert.True(config.ContainsKey("learning_rate"));
            withGamma += activates ? 1 : 0;
        }

        Assert.InRange(withGamma, 6400, 6950);
    }

    [Fact]
    public void Sample_ChainedConditions_GrandchildOnlyUnderActiveParentValue()
    {
        var random = new PortableRandom(6);
        var sawNesterov = false;
        for (var i = 0; i < 10_000; i++)
        {
            var config = ChainSpace.Sample(random);
            Assert.Equal(config["optimizer"].AsString() == "sgd", config.ContainsKey("momentum"));
            var nesterovActive = config.TryGetValue("momentum", out var momentum) && momentum.Equals(ParameterValue.Of(0.9));
            Assert.Equal(nesterovActive, config.ContainsKey("nesterov"));
            sawNesterov |= nesterovActive;
        }

        Assert.True(sawNesterov);
    }

    [Fact]
    public void SamplingOrder_Chain_ParentsBeforeChildren() =>
        Assert.Equal(["optimizer", "momentum", "nesterov"], ChainSpace.SamplingOrder.Select(p => p.Name));

    [Fact]
    public void Parameters_AnyOrder_SortedByNameAndEqual()
    {
        var reversed = new SearchSpace(ScheduleSpace.Parameters.Reverse());

        Assert.Equal(["gamma", "learning_rate", "schedule"], reversed.Parameters.Select(p => p.Name));
        Assert.Equal(ScheduleSpace, reversed);
        Assert.Equal(ScheduleSpace.GetHashCode(), reversed.GetHashCode());
    }

    [Fact]
    public void Validate_UnknownParent_ReportedAtCondition()
    {
        var space = new SearchSpace([new SearchParameter("gamma", new UniformFloatDomain(0.1, 0.9), new ParameterCondition("schedule", ["step"]))]);

        var error = Assert.Single(space.Validate());
        Assert.Equal("$.search_space.gamma.when.schedule", error.Path);
        Assert.Contains("not in the search space", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValueOutsideParentDomain_ReportedAtValue()
    {
        var space = ScheduleSpace.With(new SearchParameter("gamma", new UniformFloatDomain(0.1, 0.9), new ParameterCondition("schedule", ["step", "cosine"])));

        Assert.Equal("$.search_space.gamma.when.schedule[1]", Assert.Single(space.Validate()).Path);
    }

    [Fact]
    public void Validate_ContinuousParent_Reported()
    {
        var space = ScheduleSpace.With(new SearchParameter("momentum", new UniformFloatDomain(0, 0.9), new ParameterCondition("learning_rate", [0.01])));

        Assert.Equal("$.search_space.momentum.when.learning_rate", Assert.Single(space.Validate()).Path);
    }

    [Fact]
    public void Validate_Cycle_ReportedForEachMember()
    {
        var space = new SearchSpace(
        [
            new SearchParameter("a", new CategoricalDomain([1, 2]), new ParameterCondition("b", [1])),
            new SearchParameter("b", new CategoricalDomain([1, 2]), new ParameterCondition("a", [1])),
            new SearchParameter("c", new CategoricalDomain([1, 2]), new ParameterCondition("a", [1])),
        ]);

        var errors = space.Validate();

        Assert.Equal(["$.search_space.a.when", "$.search_space.b.when"], errors.Select(e => e.Path));
        Assert.Contains("cycle", errors[0].Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => space.Sample(new PortableRandom(0)));
    }

    [Fact]
    public void Validate_SelfCondition_ReportedAsCycle()
    {
        var space = new SearchSpace([new SearchParameter("a", new CategoricalDomain([1, 2]), new ParameterCondition("a", [1]))]);

        Assert.Contains("cycle", Assert.Single(space.Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedName_Throws() =>
        Assert.Throws<ArgumentException>(() => new SearchSpace([new SearchParameter("a", new FixedDomain(1)), new SearchParameter("a", new FixedDomain(2))]));

    [Fact]
    public void Sample_Empty_EmptyConfig() => Assert.Equal(TrialConfig.Empty, SearchSpace.Empty.Sample(new PortableRandom(0)));

    [Fact]
    public void Center_ParentCentreDeactivatesChild_ChildLeftOut()
    {
        var center = ScheduleSpace.Center();

        Assert.Equal(["learning_rate", "schedule"], center.Keys);
        Assert.Equal(ParameterValue.Of("constant"), center["schedule"]);
        Assert.Equal(Math.Sqrt(1e-4 * 1e-1), center["learning_rate"].AsDouble(), 1e-15);
    }

    [Fact]
    public void Center_ParentCentreActivatesChild_ChildAtItsCentre()
    {
        var space = ScheduleSpace.With(new SearchParameter("schedule", new CategoricalDomain(["step", "constant", "exponential"])));

        var center = space.Center();

        Assert.Equal(["gamma", "learning_rate", "schedule"], center.Keys);
        Assert.Equal(ParameterValue.Of("step"), center["schedule"]);
        Assert.Equal(0.5, center["gamma"].AsDouble(), 15);
    }

    [Fact]
    public void Center_Chain_JudgedOnCentreValues()
    {
        // sgd (first) activates momentum, whose centre 0.0 (first) leaves nesterov (only under 0.9) out.
        var center = ChainSpace.Center();

        Assert.Equal(new TrialConfig([KeyValuePair.Create("momentum", ParameterValue.Of(0.0)), KeyValuePair.Create("optimizer", ParameterValue.Of("sgd"))]), center);
    }

    [Fact]
    public void Center_Empty_EmptyConfig() => Assert.Equal(TrialConfig.Empty, SearchSpace.Empty.Center());

    [Fact]
    public void Center_InvalidSpace_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new SearchSpace([new SearchParameter("gamma", new UniformFloatDomain(0.1, 0.9), new ParameterCondition("schedule", ["step"]))]).Center());
}
