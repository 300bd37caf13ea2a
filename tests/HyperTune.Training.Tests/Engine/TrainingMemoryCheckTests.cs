using HyperTune.Search.Limits;
using HyperTune.Training.Configuration;
using HyperTune.Training.Engine;
using HyperTune.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperTune.Training.Tests.Engine;

public sealed class TrainingMemoryCheckTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Estimate_Parameters_MatchTheBuiltModel(bool batchNorm)
    {
        var config = new TrainingConfig { HiddenUnits = [48, 16, 32], BatchNorm = batchNorm, Dropout = 0.1, Seed = 1 };
        var data = TestData.Digits;
        using var generator = new Generator(1, CPU);
        using var model = MlpModelFactory.Instance.Create(new ModelShape(data.FeatureCount, data.OutputCount), config, generator);

        var built = model.parameters().Sum(p => p.numel());

        Assert.Equal(built, TrainingMemoryCheck.Estimate(config, data, checkpoints: false).Parameters);
    }

    [Fact]
    public void Run_ModelOverTheMemoryBudget_FailsWithTheReasonWithoutBuildingIt()
    {
        var config = new TrainingConfig { HiddenUnits = [4096, 4096], Epochs = 1, Seed = 1 };
        var factory = new CountingModelFactory();
        using var run = new TrainingRun(config, TestData.Digits, new TrainingRunOptions { ModelFactory = factory, MaxMemoryBytes = 64L << 20 });

        var outcome = run.Run();

        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.Equal(0, factory.Created);
        Assert.Contains("2 layers × 4,096 units on 64 inputs", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("at most 64.0 MiB per trial (HyperTune:Limits:MaxTrainingMemoryBytes)", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("not built", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelWithinTheBudget_Trains()
    {
        var config = new TrainingConfig { HiddenUnits = [16], Epochs = 1, Seed = 1 };
        var factory = new CountingModelFactory();
        using var run = new TrainingRun(config, TestData.SmallBlobs, new TrainingRunOptions { ModelFactory = factory, MaxMemoryBytes = 64L << 20 });

        Assert.Equal(TrainingStatus.Completed, run.Run().Status);
        Assert.Equal(1, factory.Created);
    }

    [Fact]
    public void Check_ReasonNamesTheEstimateAndTheBudget()
    {
        var config = new TrainingConfig { HiddenUnits = [65_536, 65_536], Seed = 1 };

        var reason = TrainingMemoryCheck.Check(config, TestData.Digits, checkpoints: true, 6L << 30);

        Assert.NotNull(reason);
        Assert.Contains(Quantities.Bytes(TrainingMemoryCheck.Estimate(config, TestData.Digits, checkpoints: true).TotalBytes), reason, StringComparison.Ordinal);
        Assert.Contains("6.0 GiB", reason, StringComparison.Ordinal);
    }

    private sealed class CountingModelFactory : IModelFactory
    {
        public int Created { get; private set; }

        public string Architecture => MlpModelFactory.Instance.Architecture;

        public nn.Module<Tensor, Tensor> Create(ModelShape shape, TrainingConfig config, Generator generator)
        {
            Created++;
            return MlpModelFactory.Instance.Create(shape, config, generator);
        }
    }
}
