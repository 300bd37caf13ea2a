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
    /// True when a run computes: the caller gives it a thread of its own for its whole life (it may wait there for a
    /// training slot first) and <see cref="RunAsync"/> blocks that thread and returns a completed task. False when a
    /// run only waits: <see cref="RunAsync"/> is called on the thread pool, never blocks and awaits timers of
    /// <see cref="TrainingRunOptions.Time"/>, so many runs share a few threads.
    /// </summary>
    bool NeedsThread { get; }

    /// <summary>
    /// Runs to the last epoch, a stop, divergence or an error, and returns how it ended (see <see cref="NeedsThread"/>
    /// for the thread it runs on). Epochs and checkpoints reach <paramref name="observer"/> as they happen.
    /// </summary>
    /// <param name="request">The hyperparameters, data, epochs, checkpoint store, control and checkpoint to resume from.</param>
    /// <param name="observer">Hears epoch reports and checkpoints (quick and thread-safe).</param>
    /// <param name="cancellationToken">Ends the run as stopped (the silo shuts down).</param>
    /// <exception cref="ArgumentException">The hyperparameters cannot be trained (the caller reports the run as failed).</exception>
    Task<TrainingOutcome> RunAsync(TrainableRunRequest request, ITrainingObserver observer, CancellationToken cancellationToken);
}
