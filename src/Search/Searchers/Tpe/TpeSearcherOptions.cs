using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>
/// Options of the <c>tpe</c> searcher (<c>"searcher": {"kind": "tpe", "n_startup_trials": 10}</c>). Defaults follow
/// Optuna's <c>TPESampler</c> where it has the same option.
/// </summary>
public sealed class TpeSearcherOptions
{
    /// <summary>Seed of the searcher's random stream. Default null: the study's <c>seed</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>
    /// The first this many suggestions are drawn at random, to seed the model. Default 10; 0 to 100,000. TPE also falls
    /// back to random while no trial has a result.
    /// </summary>
    [Range(0, 100_000)]
    public int NStartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from the good density per parameter; the best ratio wins. Default 24; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int NEiCandidates { get; init; } = 24;

    /// <summary>
    /// γ: the share of observed trials that count as good, ⌈γ·n⌉ capped at <see cref="MaxGood"/> (Optuna's default
    /// rule min(⌈0.1·n⌉, 25)). Default 0.1; 0.001 to 0.5.
    /// </summary>
    [Range(0.001, 0.5)]
    public double Gamma { get; init; } = 0.1;

    /// <summary>The most trials that count as good. Default 25; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int MaxGood { get; init; } = 25;

    /// <summary>
    /// Weight of the prior (the whole domain: a wide Gaussian over a range, uniform over choices) in each density,
    /// against 1 per observation. Default 1; 0.000001 to 1,000.
    /// </summary>
    [Range(1e-6, 1000.0)]
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>
    /// Constant liar: running trials count as the worst result, so concurrent suggestions spread out instead of piling
    /// onto the same region. Default true. When false, a running trial counts with its last intermediate result, or
    /// not at all before one.
    /// </summary>
    public bool ConstantLiar { get; init; } = true;

    /// <summary>
    /// The most observations the densities are fitted on, so a suggestion costs about the same at 1,000 or 100,000
    /// trials. The good trials are always kept; of the rest, the best half of the room and a seeded random sample of
    /// the others. Default 1,000; 10 to 1,000,000.
    /// </summary>
    [Range(10, 1_000_000)]
    public int MaxHistory { get; init; } = 1000;
}
