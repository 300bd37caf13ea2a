using HyperTune.Search.Limits;

namespace HyperTune.Search.Tests.Limits;

public sealed class TrainingMemoryEstimatorTests
{
    private static readonly DatasetShape Digits = new(64, 10, 1437, 360);

    [Fact]
    public void Parameters_Mlp_CountsWeightsAndBiasesOfEveryLinearLayer()
    {
        var size = new ModelSize([128, 32], 64, 2, BatchNorm: false, Dropout: false, Checkpoints: false);

        // 64→128, 128→32, 32→10, each with its biases.
        Assert.Equal((64 * 128) + 128 + (128 * 32) + 32 + (32 * 10) + 10, TrainingMemoryEstimator.Parameters(size, Digits));
    }

    [Fact]
    public void Parameters_BatchNorm_AddsAScaleAndAShiftPerUnit()
    {
        var plain = new ModelSize([100], 64, 2, BatchNorm: false, Dropout: false, Checkpoints: false);

        Assert.Equal(
            TrainingMemoryEstimator.Parameters(plain, Digits) + 200,
            TrainingMemoryEstimator.Parameters(plain with { BatchNorm = true }, Digits));
    }

    [Fact]
    public void Estimate_EightLayersOf65536Units_HundredsOfGigabytes()
    {
        var size = new ModelSize([.. Enumerable.Repeat(65_536, 8)], 64, 2, BatchNorm: false, Dropout: false, Checkpoints: false);

        var estimate = TrainingMemoryEstimator.Estimate(size, Digits);

        Assert.Equal(30_070_145_034, estimate.Parameters);
        // Weights, gradients and Adam's two moments: 4 copies of 4 bytes.
        Assert.Equal(estimate.Parameters * 16, estimate.WeightBytes);
        Assert.True(estimate.TotalBytes > 440L << 30);
    }

    [Theory]
    [InlineData("adam", false, 2)]
    [InlineData("adamw", false, 2)]
    [InlineData("rmsprop", true, 2)]
    [InlineData("rmsprop", false, 1)]
    [InlineData("sgd", true, 1)]
    [InlineData("sgd", false, 0)]
    public void OptimizerStateCopies_ByOptimizer(string optimizer, bool momentum, int copies) =>
        Assert.Equal(copies, TrainingMemoryEstimator.OptimizerStateCopies(optimizer, momentum));

    [Fact]
    public void Estimate_Checkpoints_AddASerializedCopyOfWeightsAndOptimizerState()
    {
        var size = new ModelSize([256], 64, 2, BatchNorm: false, Dropout: false, Checkpoints: false);

        var without = TrainingMemoryEstimator.Estimate(size, Digits);
        var with = TrainingMemoryEstimator.Estimate(size with { Checkpoints = true }, Digits);

        Assert.Equal(without.Parameters * 4 * 3, with.WeightBytes - without.WeightBytes);
    }

    [Fact]
    public void Estimate_Activations_GrowWithTheBatchUpToTheTrainingRows()
    {
        var size = new ModelSize([1024, 1024], 64, 2, BatchNorm: true, Dropout: true, Checkpoints: false);

        var small = TrainingMemoryEstimator.Estimate(size, Digits).ActivationBytes;
        var large = TrainingMemoryEstimator.Estimate(size with { BatchSize = 1024 }, Digits).ActivationBytes;
        var beyondRows = TrainingMemoryEstimator.Estimate(size with { BatchSize = 1 << 20 }, Digits).ActivationBytes;
        var allRows = TrainingMemoryEstimator.Estimate(size with { BatchSize = 1437 }, Digits).ActivationBytes;

        Assert.Equal(16.0, large / (double)small, 3);
        Assert.Equal(allRows, beyondRows);
    }

    [Fact]
    public void Estimate_Peak_IsWeightsAndDataPlusTheLargerOfStepAndEvaluation()
    {
        var estimate = TrainingMemoryEstimator.Estimate(new ModelSize([512], 32, 1, BatchNorm: false, Dropout: false, Checkpoints: false), new DatasetShape(20, 2, 100_000, 100_000));

        Assert.True(estimate.EvaluationBytes > estimate.ActivationBytes);
        Assert.Equal(estimate.WeightBytes + estimate.DataBytes + estimate.EvaluationBytes, estimate.TotalBytes);
    }
}
