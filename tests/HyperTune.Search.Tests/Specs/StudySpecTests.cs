using HyperTune.Search.RangeTest;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class StudySpecTests
{
    private static readonly RangeTestResult Result = new()
    {
        Points = [new RangeTestPoint(0, 1e-7, 2.3, 2.3)],
        StopReason = RangeTestStopReason.Diverged,
        SuggestedLearningRate = 2e-3,
        MinimumLossLearningRate = 1.5e-2,
        SearchLow = 2e-4,
        SearchHigh = 1.5e-2,
        Method = "steepest",
    };

    private static StudySpec WithRangeTest(StudySpec spec, bool setBounds = true) =>
        spec with { LearningRateRangeTest = new LearningRateRangeTestSpec { SetBounds = setBounds } };

    [Fact]
    public void WithLearningRateBounds_SetBounds_LearningRateLogUniformBetweenTheBounds()
    {
        var spec = WithRangeTest(TestSpecs.Example);

        var bounded = spec.WithLearningRateBounds(Result);

        Assert.True(bounded.SearchSpace.TryGet("learning_rate", out var learningRate));
        Assert.Equal(new SearchParameter("learning_rate", new LogUniformFloatDomain(2e-4, 1.5e-2)), learningRate);
        Assert.Equal(spec.SearchSpace.Parameters.Where(p => p.Name != "learning_rate"), bounded.SearchSpace.Parameters.Where(p => p.Name != "learning_rate"));
        Assert.Equal(spec with { SearchSpace = bounded.SearchSpace }, bounded);
    }

    [Fact]
    public void WithLearningRateBounds_ConditionalLearningRate_ConditionKept()
    {
        var when = new ParameterCondition("optimizer", ["sgd"]);
        var spec = WithRangeTest(new StudySpec
        {
            Name = "t",
            SearchSpace = new SearchSpace(
            [
                new SearchParameter("optimizer", new CategoricalDomain(["sgd", "adam"])),
                new SearchParameter("learning_rate", new CategoricalDomain([0.01, 0.1]), when),
            ]),
        });

        var bounded = spec.WithLearningRateBounds(Result);

        Assert.True(bounded.SearchSpace.TryGet("learning_rate", out var learningRate));
        Assert.Equal(new SearchParameter("learning_rate", new LogUniformFloatDomain(2e-4, 1.5e-2), when), learningRate);
        Assert.Empty(bounded.SearchSpace.Validate());
    }

    [Fact]
    public void WithLearningRateBounds_NoLearningRateInSpace_Added()
    {
        var spec = WithRangeTest(new StudySpec
        {
            Name = "t",
            SearchSpace = new SearchSpace([new SearchParameter("hidden_units", new CategoricalDomain([32, 64]))]),
        });

        var bounded = spec.WithLearningRateBounds(Result);

        Assert.Equal(["hidden_units", "learning_rate"], bounded.SearchSpace.Parameters.Select(p => p.Name));
        Assert.Equal(new SearchParameter("learning_rate", new LogUniformFloatDomain(2e-4, 1.5e-2)), bounded.SearchSpace.Parameters[1]);
    }

    [Fact]
    public void WithLearningRateBounds_SetBoundsFalse_Unchanged()
    {
        var spec = WithRangeTest(TestSpecs.Example, setBounds: false);

        Assert.Same(spec, spec.WithLearningRateBounds(Result));
    }

    [Fact]
    public void WithLearningRateBounds_NoRangeTest_Unchanged()
    {
        var spec = TestSpecs.Example;

        Assert.Same(spec, spec.WithLearningRateBounds(Result));
        Assert.Equal(new LogUniformFloatDomain(1e-5, 1), spec.WithLearningRateBounds(Result).SearchSpace.Parameters.Single(p => p.Name == "learning_rate").Domain);
    }

    [Fact]
    public void WithLearningRateBounds_BoundedSpec_StillValid() =>
        Assert.Empty(StudySpecValidator.Validate(WithRangeTest(TestSpecs.Example).WithLearningRateBounds(Result)));

    [Fact]
    public void LearningRateRangeTest_Default_None() => Assert.Null(new StudySpec { Name = "t" }.LearningRateRangeTest);
}
