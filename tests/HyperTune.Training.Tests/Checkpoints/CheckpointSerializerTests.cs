using HyperTune.Training.Checkpoints;
using HyperTune.Training.Control;
using HyperTune.Training.Schedules;

namespace HyperTune.Training.Tests.Checkpoints;

public sealed class CheckpointSerializerTests
{
    private static readonly TrainingCheckpoint Sample = new()
    {
        Epoch = 7,
        Step = 161,
        BestTrainLoss = 0.25,
        FirstLoss = double.NaN,
        Fingerprint = "mlp|64->10",
        LearningRate = new LearningRateControllerState(0.5, 0.01, 0.005, [1, 2, 3], [new LearningRateEvent(3, 50, 0.01, 0.005, LearningRateChangeSource.User, LearningRateCommandKind.Decay)]),
        Model = new byte[] { 1, 2, 3 },
        Optimizer = new byte[] { 4, 5 },
        Generator = new byte[] { 6 },
    };

    [Fact]
    public void Deserialize_OfSerialize_RoundTrips()
    {
        var copy = CheckpointSerializer.Deserialize(CheckpointSerializer.Serialize(Sample));

        Assert.Equal((Sample.Epoch, Sample.Step, Sample.BestTrainLoss, Sample.Fingerprint), (copy.Epoch, copy.Step, copy.BestTrainLoss, copy.Fingerprint));
        Assert.True(double.IsNaN(copy.FirstLoss));
        Assert.Equal(Sample.LearningRate.Events, copy.LearningRate.Events);
        Assert.Equal(Sample.LearningRate.ScheduleState, copy.LearningRate.ScheduleState);
        Assert.Equal(Sample.Model.ToArray(), copy.Model.ToArray());
        Assert.Equal(Sample.Optimizer.ToArray(), copy.Optimizer.ToArray());
        Assert.Equal(Sample.Generator.ToArray(), copy.Generator.ToArray());
    }

    [Fact]
    public void Deserialize_FlippedByte_ThrowsChecksumError()
    {
        var bytes = CheckpointSerializer.Serialize(Sample);
        bytes[bytes.Length / 2] ^= 0xFF;

        var error = Assert.Throws<CheckpointFormatException>(() => CheckpointSerializer.Deserialize(bytes));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Truncated_Throws()
    {
        var bytes = CheckpointSerializer.Serialize(Sample);

        Assert.Throws<CheckpointFormatException>(() => CheckpointSerializer.Deserialize(bytes.AsSpan(0, bytes.Length - 10)));
    }
}
