namespace HyperTune.Search.Specs;

/// <summary>How spec problems repeat what the user wrote: briefly, so an answer never grows with a hostile value.</summary>
internal static class SpecText
{
    /// <summary>The most characters of a value a message repeats; a longer one is cut and ends in <c>…</c>.</summary>
    public const int MaxShownLength = 64;

    /// <summary><paramref name="text"/>, cut to <see cref="MaxShownLength"/> characters and <c>…</c> when longer.</summary>
    public static string Shorten(string? text) =>
        text is null || text.Length <= MaxShownLength ? text ?? string.Empty : string.Concat(text.AsSpan(0, MaxShownLength), "…");

    /// <summary><paramref name="value"/> as invariant text, shortened.</summary>
    public static string Shorten(object? value) =>
        Shorten(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
}
