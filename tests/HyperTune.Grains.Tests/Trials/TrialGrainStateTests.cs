using System.Collections.Immutable;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Trials;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace HyperTune.Grains.Tests.Trials;

/// <summary>What a trial writes as its grain state: its size must not grow with the epochs it trained.</summary>
public sealed class TrialGrainStateTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddHyperTuneSerializers()).BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Write_AfterThousandsOfEpochs_IsAsLargeAsAfterOne()
    {
        var serializer = _services.GetRequiredService<Serializer>();

        var young = Serialize(serializer, WithEpochs(1));
        var old = Serialize(serializer, WithEpochs(5_000));

        Assert.Equal(young.Length, old.Length);
    }

    [Fact]
    public void Read_OfAWrittenState_KeepsEverythingButTheEpochs()
    {
        var serializer = _services.GetRequiredService<Serializer>();
        var written = WithEpochs(3);
        written.Checkpoints.Add(new CheckpointRecord(2, 1024, DateTimeOffset.UnixEpoch));

        var read = serializer.Deserialize<TrialGrainState>(Serialize(serializer, written))!;

        Assert.Empty(read.Epochs);
        Assert.Equal((TrialState.Running, "silo-1", 2), (read.State, read.Silo, Assert.Single(read.Checkpoints).Epoch));
    }

    private static byte[] Serialize(Serializer serializer, TrialGrainState state) => serializer.SerializeToArray(state);

    private static TrialGrainState WithEpochs(int epochs)
    {
        var state = new TrialGrainState { State = TrialState.Running, Silo = "silo-1" };
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            state.Epochs.Add(new EpochMetrics(epoch, epoch * 10L, ImmutableDictionary<string, double>.Empty.Add("val_loss", 1.0 / epoch), 1e-3, 0.1, DateTimeOffset.UnixEpoch));
        }

        return state;
    }
}
