using System.Threading.Channels;

namespace HyperTune.Grains.Training;

/// <summary>Writes training signals to a channel and tells the grain each time, from the training thread.</summary>
internal sealed class SignallingWriter(ChannelWriter<TrainingSignal> writer, Action signalled)
{
    /// <summary>Hands a signal over.</summary>
    public void Write(TrainingSignal signal)
    {
        writer.TryWrite(signal);
        signalled();
    }

    /// <summary>Hands over the last signal and closes the channel.</summary>
    public void Complete(TrainingSignal.Ended ended)
    {
        writer.TryWrite(ended);
        writer.TryComplete();
        signalled();
    }
}
