namespace HyperTune.Search.Specs;

/// <summary>
/// Collects <see cref="SpecError"/>s, keeping one error per place: an error at a path that already has an error, or
/// inside one, is dropped, so one mistake found by two checks is reported once.
/// </summary>
internal sealed class SpecErrorList
{
    private readonly List<SpecError> _errors = [];
    private readonly List<string> _suppressed = [];

    /// <summary>The errors kept, in the order they were added.</summary>
    public IReadOnlyList<SpecError> Errors => _errors;

    /// <summary>The number of errors kept.</summary>
    public int Count => _errors.Count;

    /// <summary>Adds an error unless its place already has one.</summary>
    public void Add(string path, string message) => Add(new SpecError(path, message));

    /// <summary>Adds an error unless its place already has one.</summary>
    public void Add(SpecError error)
    {
        if (!_errors.Any(e => JsonPaths.IsWithin(error.Path, e.Path)) && !_suppressed.Any(p => JsonPaths.IsWithin(error.Path, p)))
        {
            _errors.Add(error);
        }
    }

    /// <summary>Drops every later error at or inside <paramref name="path"/> (it would only follow from one already reported).</summary>
    public void Suppress(string path) => _suppressed.Add(path);

    /// <summary>Adds every error unless its place already has one.</summary>
    public void AddRange(IEnumerable<SpecError> errors)
    {
        foreach (var error in errors)
        {
            Add(error);
        }
    }
}
