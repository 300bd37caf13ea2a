namespace HyperTune.Training.Engine;

/// <summary>
/// Something a trial can train, named by its kind (a study spec's <c>trainable.kind</c>): it carries one run of a
/// trial from its first (or restored) epoch to its end. Implementations are silo-wide singletons; a run is steered
/// through <see cref="TrainableRunRequest.Control"/> (learning-rate commands, pause, resume, stop).
/// </summary>
public interface ITrainable
{
    /// <summary>The kind it trains, one of the search project's <c>TrainableKinds</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Runs to the last epoch, a stop, divergence or an error, and returns how it ended. It does not block the calling
    /// thread: a trainable that computes does so on a thread of its own, one that only waits awaits timers of
    /// <see cref="TrainingRunOptions.Time"/>. Epochs and checkpoints reach <paramref name="observer"/> as they happen.
    /// </summary>
    /// <param name="request">The hyperparameters, data, epochs, checkpoint store, control and checkpoint to resume from.</param>
    /// <param name="observer">Hears epoch reports and checkpoints (quick and thread-safe).</param>
    /// <param name="cancellationToken">Ends the run as stopped (the silo shuts down).</param>
    /// <exception cref="ArgumentException">The hyperparameters cannot be trained (the caller reports the run as failed).</exception>
    Task<TrainingOutcome> RunAsync(TrainableRunRequest request, ITrainingObserver observer, CancellationToken cancellationToken);
}
