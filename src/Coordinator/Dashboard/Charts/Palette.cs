namespace HyperTune.Coordinator.Dashboard.Charts;

/// <summary>Colours of trials (by number), of the objective and of markers.</summary>
public static class Palette
{
    private static readonly string[] Trials =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The grey of lines that are out of focus (pruned trials, trials outside a brush).</summary>
    public const string Dim = "#c3c8d0";

    /// <summary>The colour of a range test's suggested learning rate.</summary>
    public const string Suggestion = "#d62728";

    /// <summary>Trial <paramref name="number"/>'s colour.</summary>
    public static string Trial(int number) => Trials[(number % Trials.Length + Trials.Length) % Trials.Length];

    /// <summary>A colour from dark blue (0) to yellow (1), for objective values.</summary>
    public static string Ramp(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var r = (int)(68 + t * (253 - 68));
        var g = (int)(1 + t * (231 - 1));
        var b = (int)(84 + t * (37 - 84));
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>The colour of a learning-rate change's marker, by its source.</summary>
    public static string Source(string source) => source switch
    {
        "user" => "#d62728",
        "schedule" => "#555555",
        _ => "#9467bd",
    };
}
