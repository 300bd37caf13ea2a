using System.Globalization;

namespace HyperTune.Search.Specs;

/// <summary>
/// Collects <see cref="SpecError"/>s, keeping one error per place: an error at a path that already has an error, or
/// inside one, is dropped, so one mistake found by two checks is reported once. Only the first
/// <see cref="MaxListed"/> errors are listed, followed by one that counts the rest, so a hostile spec with a hundred
/// thousand mistakes gets a short answer. Adding an error costs the length of its path, whatever came before.
/// </summary>
internal sealed class SpecErrorList
{
    /// <summary>The most errors listed; the rest are counted by a last error at <c>$</c>.</summary>
    public const int MaxListed = 100;

    private readonly List<SpecError> _errors = [];

    // Every place that has an error (listed or only counted) or is suppressed: an error at or inside one is dropped.
    private readonly HashSet<string> _places = new(StringComparer.Ordinal);
    private int _unlisted;

    /// <summary>
    /// The errors kept, in the order they were added: at most <see cref="MaxListed"/>, then one at <c>$</c> that says how
    /// many more there are.
    /// </summary>
    public IReadOnlyList<SpecError> Errors =>
        _unlisted == 0
            ? _errors
            : [.. _errors, new SpecError(JsonPaths.Root, string.Create(CultureInfo.InvariantCulture, $"…and {_unlisted:N0} more problems (only the first {MaxListed} are listed)"))];

    /// <summary>The number of errors kept, listed or not.</summary>
    public int Count => _errors.Count + _unlisted;

    /// <summary>Adds an error unless its place already has one.</summary>
    public void Add(string path, string message) => Add(new SpecError(path, message));

    /// <summary>
    /// Adds an error unless its place already has one; <paramref name="message"/> is called only when the error is
    /// listed, so a flood of errors past <see cref="MaxListed"/> costs no messages.
    /// </summary>
    public void Add(string path, Func<string> message)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        if (IsTaken(path))
        {
            return;
        }

        _places.Add(path);
        if (_errors.Count < MaxListed)
        {
            _errors.Add(new SpecError(path, message()));
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>Adds an error unless its place already has one.</summary>
    public void Add(SpecError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IsTaken(error.Path))
        {
            return;
        }

        _places.Add(error.Path);
        if (_errors.Count < MaxListed)
        {
            _errors.Add(error);
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>Drops every later error at or inside <paramref name="path"/> (it would only follow from one already reported).</summary>
    public void Suppress(string path) => _places.Add(path);

    /// <summary>Adds every error unless its place already has one.</summary>
    public void AddRange(IEnumerable<SpecError> errors)
    {
        foreach (var error in errors)
        {
            Add(error);
        }
    }

    /// <summary>True when <paramref name="path"/> or a place it lies inside (see <see cref="JsonPaths.IsWithin"/>) has an error or is suppressed.</summary>
    private bool IsTaken(string path)
    {
        var places = _places.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] is '.' or '[' && places.Contains(path.AsSpan(0, i)))
            {
                return true;
            }
        }

        return places.Contains(path);
    }
}
