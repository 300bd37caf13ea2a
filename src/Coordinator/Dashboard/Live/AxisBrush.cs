using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// A range dragged on one parallel-coordinates axis: the trials whose value lies in it pass. Numbers by their value
/// (<see cref="Low"/> … <see cref="High"/>), categories by name (<see cref="Categories"/>).
/// </summary>
/// <param name="Axis">The hyperparameter, or the objective's name for its axis.</param>
/// <param name="Low">The smallest value that passes (numeric axes).</param>
/// <param name="High">The largest value that passes (numeric axes).</param>
/// <param name="Categories">The categories that pass (categorical axes); null for a numeric axis.</param>
public sealed record AxisBrush(string Axis, double Low, double High, IReadOnlySet<string>? Categories = null)
{
    /// <summary>True when <paramref name="value"/> passes; a trial without a value never does.</summary>
    public bool Passes(ParameterValue? value) => value is { } v && (Categories is { } names
        ? names.Contains(v.ToString())
        : v.IsNumber && Passes(v.AsDouble()));

    /// <summary>True when the number <paramref name="value"/> passes.</summary>
    public bool Passes(double value) => Categories is null && double.IsFinite(value) && value >= Low && value <= High;
}
