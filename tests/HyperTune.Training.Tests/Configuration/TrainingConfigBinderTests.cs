using HyperTune.Training.Configuration;

namespace HyperTune.Training.Tests.Configuration;

public sealed class TrainingConfigBinderTests
{
    [Fact]
    public void Bind_Empty_GivesCatalogDefaults()
    {
        var config = TrainingConfigBinder.Bind(new Dictionary<string, object>(), seed: 3);

        Assert.Equal(1e-3, config.LearningRate);
        Assert.Equal(OptimizerKind.Adam, config.Optimizer);
        Assert.Equal([128, 128], config.HiddenUnits);
        Assert.Equal(3, config.Seed);
    }

    [Fact]
    public void Bind_EveryKind_ParsesValues()
    {
        var config = TrainingConfigBinder.Bind(new Dictionary<string, object>
        {
            ["learning_rate"] = 0.01, ["optimizer"] = "sgd", ["momentum"] = 0.9, ["nesterov"] = true, ["hidden_layers"] = 3L,
            ["hidden_units"] = 64L, ["hidden_units_2"] = 32L, ["activation"] = "gelu", ["schedule"] = "step", ["gamma"] = 0.3, ["batch_norm"] = true,
        });

        Assert.Equal((0.01, OptimizerKind.Sgd, 0.9, true), (config.LearningRate, config.Optimizer, config.Momentum, config.Nesterov));
        Assert.Equal([64, 32, 64], config.HiddenUnits);
        Assert.Equal((ActivationKind.Gelu, ScheduleKind.Step, 0.3, true), (config.Activation, config.Schedule, config.Gamma, config.BatchNorm));
    }

    [Fact]
    public void Bind_SeveralProblems_ListsThemAll()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingConfigBinder.Bind(new Dictionary<string, object>
        {
            ["learning_rate"] = -1.0, ["optimizer"] = "lbfgs", ["colour"] = "red", ["hidden_layers"] = 9L,
        }));

        Assert.Contains("'learning_rate'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'optimizer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'colour' is not a hyperparameter", error.Message, StringComparison.Ordinal);
        Assert.Contains("'hidden_layers'", error.Message, StringComparison.Ordinal);
    }
}
