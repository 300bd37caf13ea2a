namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Where a curve leaves the plot's y range: its first point beyond the edge, drawn on the edge.</summary>
/// <param name="X">The SVG x.</param>
/// <param name="Y">The SVG y (on the edge).</param>
/// <param name="Above">True when the curve leaves through the top.</param>
/// <param name="XValue">The point's x (its epoch).</param>
/// <param name="Value">The value that lies beyond the range.</param>
public sealed record ClippedMark(double X, double Y, bool Above, double XValue, double Value);
