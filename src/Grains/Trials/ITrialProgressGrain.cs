namespace HyperTune.Grains.Trials;

/// <summary>
/// Plumbing between a trial's training thread and its grain: the thread calls <see cref="DrainAsync"/> when it has
/// produced signals, so the grain applies them in an ordinary turn — never interleaved with a command or a query.
/// </summary>
public interface ITrialProgressGrain : IGrainWithStringKey
{
    /// <summary>Applies every signal the training thread has produced so far.</summary>
    [Orleans.Concurrency.OneWay]
    Task DrainAsync();
}
