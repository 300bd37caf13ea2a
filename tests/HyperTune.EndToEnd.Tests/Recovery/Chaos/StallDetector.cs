namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>
/// Watches trials through what the API says of them and keeps, per trial, the longest time it sat Running without
/// progress or recovery: its (state, epoch, attempt) unchanged. Only Running trials are expected to move: a Pending
/// trial waits for a slot, a Paused one for a command, a finished one for nothing.
/// <para>
/// A stall is measured from the first observation that showed the trial as it stood to the last observation that
/// still did, so time the watcher could not see (the API down, a request timed out) never counts: the figure is a
/// lower bound of the real stall, within one polling period of it while the API answers.
/// </para>
/// </summary>
public sealed class StallDetector
{
    private readonly Dictionary<string, Standing> _standing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrialStall> _longest = new(StringComparer.Ordinal);

    /// <summary>Observations taken so far.</summary>
    public int Observations { get; private set; }

    /// <summary>Each trial's longest stall while Running (trials never seen Running are absent).</summary>
    public IReadOnlyCollection<TrialStall> Longest => _longest.Values;

    /// <summary>The longest stall of any trial; null before any Running trial was seen twice.</summary>
    public TrialStall? Worst => _longest.Values.MaxBy(s => s.Length);

    /// <summary>Takes what the API said of the trials at <paramref name="at"/> (on the watcher's clock, never going back).</summary>
    public void Observe(TimeSpan at, IEnumerable<TrialProgress> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        Observations++;
        foreach (var trial in trials)
        {
            if (_standing.TryGetValue(trial.TrialId, out var standing) && standing.Progress == trial)
            {
                if (trial.State == "Running")
                {
                    var stall = new TrialStall(trial.TrialId, standing.FirstSeen, at, trial.Epoch, trial.Attempt);
                    if (!_longest.TryGetValue(trial.TrialId, out var longest) || stall.Length > longest.Length)
                    {
                        _longest[trial.TrialId] = stall;
                    }
                }

                continue;
            }

            _standing[trial.TrialId] = new Standing(trial, at);
            if (trial.State == "Running" && !_longest.ContainsKey(trial.TrialId))
            {
                _longest[trial.TrialId] = new TrialStall(trial.TrialId, at, at, trial.Epoch, trial.Attempt);
            }
        }
    }

    /// <summary>The stalls longer than <paramref name="limit"/>, longest first.</summary>
    public IReadOnlyList<TrialStall> Beyond(TimeSpan limit) => [.. _longest.Values.Where(s => s.Length > limit).OrderByDescending(s => s.Length)];

    private sealed class Standing(TrialProgress progress, TimeSpan at)
    {
        public TrialProgress Progress { get; } = progress;

        public TimeSpan FirstSeen { get; } = at;
    }
}
