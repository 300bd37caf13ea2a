using System.Globalization;

namespace HyperTune.Search.Specs;

/// <summary>Builds the JSON paths of <see cref="SpecError"/>s: <c>$.a.b</c>, <c>$.a['odd name']</c>, <c>$.a.values[2]</c>.</summary>
public static class JsonPaths
{
    /// <summary>The root, <c>$</c>.</summary>
    public const string Root = "$";

    /// <summary>The longest property name a path shows whole; a longer one is cut to this many characters and <c>…</c>.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// The path of property <paramref name="name"/> of the object at <paramref name="parent"/>. A name longer than
    /// <see cref="MaxNameLength"/> is cut (<c>$.a['xxxx…']</c>), so paths, and the answers that list them, stay short.
    /// </summary>
    public static string Property(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsIdentifier(name))
        {
            return $"{parent}.{name}";
        }

        var shown = name.Length > MaxNameLength ? string.Concat(name.AsSpan(0, MaxNameLength), "…") : name;
        return $"{parent}['{shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        path.StartsWith(ancestor, StringComparison.Ordinal)
        && (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '[');

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
