using HyperTune.Search.RangeTest;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.RangeTest;

public sealed class LearningRateRangeTestSpecTests
{
    private static readonly SearchSpace Space = new(
    [
        new SearchParameter("learning_rate", new LogUniformFloatDomain(1e-5, 1)),
        new SearchParameter("optimizer", new CategoricalDomain(["sgd", "adam"])),
        new SearchParameter("momentum", new UniformFloatDomain(0, 0.9), new ParameterCondition("optimizer", ["sgd"])),
        new SearchParameter("hidden_units", new CategoricalDomain([32, 64, 128])),
        new SearchParameter("dropout", new UniformFloatDomain(0, 0.5)),
    ]);

    private static TrialConfig Config(params (string Name, ParameterValue Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    [Fact]
    public void Defaults_FastaiRampNoConfigSetBounds()
    {
        var spec = new LearningRateRangeTestSpec();

        Assert.Equal(new LearningRateRangeTestOptions { StartLearningRate = 1e-7, EndLearningRate = 10, Steps = 100, SmoothingBeta = 0.98, DivergenceFactor = 4 }, spec.Options);
        Assert.Equal(TrialConfig.Empty, spec.Config);
        Assert.True(spec.SetBounds);
    }

    [Fact]
    public void ConfigFor_NoConfig_SpaceCentre()
    {
        var config = new LearningRateRangeTestSpec().ConfigFor(Space);

        Assert.Equal(Space.Center(), config);
        Assert.Equal(
            Config(("dropout", 0.25), ("hidden_units", 32L), ("learning_rate", Math.Sqrt(1e-5)), ("momentum", 0.45), ("optimizer", "sgd")),
            config);
    }

    [Fact]
    public void ConfigFor_Overrides_WinOverTheCentreAndExtraNamesIncluded()
    {
        var spec = new LearningRateRangeTestSpec { Config = Config(("hidden_units", 64L), ("batch_size", 256L), ("dropout", 0.0)) };

        var config = spec.ConfigFor(Space);

        Assert.Equal(ParameterValue.Of(64L), config["hidden_units"]);
        Assert.Equal(ParameterValue.Of(256L), config["batch_size"]);
        Assert.Equal(ParameterValue.Of(0.0), config["dropout"]);
        Assert.Equal(ParameterValue.Of("sgd"), config["optimizer"]);
        Assert.Equal(6, config.Count);
    }

    [Fact]
    public void ConfigFor_OverrideOfAParentThatDeactivatesAChild_ChildLeftOut()
    {
        var config = new LearningRateRangeTestSpec { Config = Config(("optimizer", "adam")) }.ConfigFor(Space);

        Assert.Equal(ParameterValue.Of("adam"), config["optimizer"]);
        Assert.False(config.ContainsKey("momentum"));
    }

    [Fact]
    public void ConfigFor_OverrideOfAParentThatActivatesAChild_ChildAtItsCentre()
    {
        var space = Space.With(new SearchParameter("optimizer", new CategoricalDomain(["adam", "sgd"])));
        Assert.False(space.Center().ContainsKey("momentum"));

        var config = new LearningRateRangeTestSpec { Config = Config(("optimizer", "sgd")) }.ConfigFor(space);

        Assert.Equal(0.45, config["momentum"].AsDouble(), 15);
    }

    [Fact]
    public void ConfigFor_OverrideOfAnInactiveChild_Kept()
    {
        var config = new LearningRateRangeTestSpec { Config = Config(("optimizer", "adam"), ("momentum", 0.9)) }.ConfigFor(Space);

        Assert.Equal(ParameterValue.Of(0.9), config["momentum"]);
    }

    [Fact]
    public void ConfigFor_EmptySpace_ConfigAlone()
    {
        var overrides = Config(("optimizer", "adam"));

        Assert.Equal(overrides, new LearningRateRangeTestSpec { Config = overrides }.ConfigFor(SearchSpace.Empty));
    }

    [Fact]
    public void ConfigFor_InvalidSpace_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new LearningRateRangeTestSpec().ConfigFor(new SearchSpace([new SearchParameter("dropout", new UniformFloatDomain(0.5, 0.1))])));

    [Fact]
    public void Equals_SameOptionsConfigAndFlag_Equal()
    {
        LearningRateRangeTestSpec Make() => new() { Options = new LearningRateRangeTestOptions { Steps = 50 }, Config = Config(("optimizer", "adam")), SetBounds = false };

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), Make() with { SetBounds = true });
        Assert.NotEqual(Make(), Make() with { Config = Config(("optimizer", "sgd")) });
    }
}
