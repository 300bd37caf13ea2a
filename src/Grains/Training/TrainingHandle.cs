using System.Threading.Channels;
using HyperTune.Training.Control;

namespace HyperTune.Grains.Training;

/// <summary>A trial's training in progress: its remote control and the signals it produces.</summary>
/// <param name="Control">Learning-rate commands, pause, resume and stop.</param>
/// <param name="Signals">Epochs, checkpoints and the end, in order; completes after the end.</param>
internal sealed record TrainingHandle(TrainingControl Control, ChannelReader<TrainingSignal> Signals);
