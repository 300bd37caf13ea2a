namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>A curve ready to draw: its SVG path, the data values of its vertices (for the hover tooltip) and its clipped runs.</summary>
/// <param name="Path">The SVG path data.</param>
/// <param name="Xs">The x value of each vertex of <paramref name="Path"/>, in order, comma-separated.</param>
/// <param name="Ys">The y value of each vertex, in order, comma-separated.</param>
/// <param name="Vertices">How many vertices the path has.</param>
/// <param name="Clipped">Where the curve runs beyond the y range.</param>
public sealed record CurveDrawing(string Path, string Xs, string Ys, int Vertices, IReadOnlyList<ClippedMark> Clipped)
{
    /// <summary>Nothing to draw.</summary>
    public static CurveDrawing Empty { get; } = new("", "", "", 0, []);
}
