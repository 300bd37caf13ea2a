namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>A trial with an objective value, as the analysis panels plot it.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Value">Its best objective value (finite).</param>
public sealed record ScoredTrial(TrialSeries Trial, double Value);
