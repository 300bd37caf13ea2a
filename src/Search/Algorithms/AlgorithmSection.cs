using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// Where an algorithm sits in a spec: the searcher (<c>$.searcher</c>) or the scheduler (<c>$.scheduler</c>), with its
/// kind and options there and the kinds a registry knows for it.
/// </summary>
internal sealed class AlgorithmSection
{
    private readonly Func<StudySpec, (string Kind, AlgorithmOptions Options)> _of;
    private readonly Func<AlgorithmRegistry, IEnumerable<string>> _kinds;

    private AlgorithmSection(string name, Func<StudySpec, (string, AlgorithmOptions)> of, Func<AlgorithmRegistry, IEnumerable<string>> kinds)
    {
        Name = name;
        Path = "$." + name;
        _of = of;
        _kinds = kinds;
    }

    /// <summary>The searcher section.</summary>
    public static AlgorithmSection Searcher { get; } = new("searcher", s => (s.Searcher.Kind, s.Searcher.Options), r => r.SearcherKinds);

    /// <summary>The scheduler section.</summary>
    public static AlgorithmSection Scheduler { get; } = new("scheduler", s => (s.Scheduler.Kind, s.Scheduler.Options), r => r.SchedulerKinds);

    /// <summary><c>searcher</c> or <c>scheduler</c>.</summary>
    public string Name { get; }

    /// <summary>The JSON path of the section, e.g. <c>$.searcher</c>.</summary>
    public string Path { get; }

    /// <summary>The kind the spec names here.</summary>
    public string KindOf(StudySpec spec) => _of(spec).Kind;

    /// <summary>The options the spec gives here.</summary>
    public AlgorithmOptions OptionsOf(StudySpec spec) => _of(spec).Options;

    /// <summary>The error for a kind the registry does not know.</summary>
    public SpecError UnknownKind(string kind, AlgorithmRegistry registry) =>
        new(Path + ".kind", $"unknown {Name} kind '{SpecText.Shorten(kind)}'; known kinds: {string.Join(", ", _kinds(registry))}");
}
