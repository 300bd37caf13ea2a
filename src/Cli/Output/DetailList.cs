namespace HyperTune.Cli.Output;

/// <summary>Labelled values, one per line, the values aligned: <c>State      Running</c>.</summary>
internal sealed class DetailList
{
    private readonly List<(string Label, string Value)> _items = [];

    public DetailList Add(string label, string? value)
    {
        _items.Add((label, string.IsNullOrEmpty(value) ? Formats.None : value));
        return this;
    }

    public void Write(TextWriter writer)
    {
        var width = _items.Count == 0 ? 0 : _items.Max(i => i.Label.Length) + 2;
        foreach (var (label, value) in _items)
        {
            writer.WriteLine((label.PadRight(width) + value).TrimEnd());
        }
    }
}
