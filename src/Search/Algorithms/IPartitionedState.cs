namespace HyperTune.Search.Algorithms;

/// <summary>
/// The saved state of a searcher or scheduler in parts, so a store writes per event only what changed: one small
/// shared part and one part per trial. Also the whole state in one blob (<see cref="SaveState"/>), which is the shared
/// part with every trial part.
/// </summary>
/// <remarks>
/// To keep a store of parts exactly in step: after every call that may change the state (and at least before relying
/// on the store), write <see cref="SaveShared"/> and, for each id of <see cref="TakeChangedTrials"/>, that trial's
/// <see cref="SaveTrial"/> — in one transaction, since the shared part counts the trials. On activation, create the
/// algorithm from the same spec and call <see cref="Restore"/> with the stored parts.
/// </remarks>
public interface IPartitionedState
{
    /// <summary>
    /// The state shared by every trial (kind, format, fingerprint, trial count, random stream, grid position, …): small
    /// and bounded, whatever the number of trials. Write it at every flush.
    /// </summary>
    byte[] SaveShared();

    /// <summary>
    /// One trial's part: its record plus the algorithm's per-trial state (rung scores, lineage, plateau state, …); null
    /// when the algorithm has never heard of the trial.
    /// </summary>
    byte[]? SaveTrial(string trialId);

    /// <summary>
    /// The ids of the trials whose part changed since the last call, each once (empty when none). Saving the shared part
    /// plus <see cref="SaveTrial"/> of these after every call keeps a store exactly in step. After
    /// <see cref="Restore"/> none is changed; after <see cref="RestoreState"/> every trial is (so a store of parts being
    /// filled from a whole state gets every row). An algorithm whose changes are never taken keeps one id per trial.
    /// </summary>
    IReadOnlyCollection<string> TakeChangedTrials();

    /// <summary>
    /// Replaces the whole state with a shared part and the parts of every trial (any order, keyed by trial id). Call on
    /// an algorithm created from the same spec; it then continues exactly as the one that saved the parts would have.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The parts are of another kind, format, spec or seed, malformed, or not one consistent set (a part missing, extra
    /// or under another id).
    /// </exception>
    void Restore(ReadOnlySpan<byte> shared, IEnumerable<KeyValuePair<string, byte[]>> trials);

    /// <summary>The whole state as UTF-8 JSON: the shared part with every trial's part, in the order heard of.</summary>
    byte[] SaveState();

    /// <summary>
    /// Replaces the state with a whole saved one (this format, or format 1 of earlier versions). Call on an algorithm
    /// created from the same spec; it then continues exactly as the saved one would have.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state is of another kind, format, spec or seed, or malformed.</exception>
    void RestoreState(byte[] state);
}
