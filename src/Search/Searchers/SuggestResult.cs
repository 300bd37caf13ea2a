using System.Diagnostics.CodeAnalysis;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>The answer of <see cref="ISearcher.Suggest"/>: a config, wait, or finished.</summary>
public sealed record SuggestResult
{
    private SuggestResult(SuggestStatus status, TrialConfig? config)
    {
        Status = status;
        Config = config;
    }

    /// <summary>The searcher has nothing more to suggest.</summary>
    public static SuggestResult Finished { get; } = new(SuggestStatus.Finished, null);

    /// <summary>The searcher has nothing now; ask again after the next trial completes.</summary>
    public static SuggestResult Wait { get; } = new(SuggestStatus.Wait, null);

    /// <summary>What kind of answer this is.</summary>
    public SuggestStatus Status { get; }

    /// <summary>The config to run, when <see cref="Status"/> is <see cref="SuggestStatus.Suggested"/>.</summary>
    public TrialConfig? Config { get; }

    /// <summary>True when there is a config to run.</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    public bool HasConfig => Status == SuggestStatus.Suggested;

    /// <summary>A config to run.</summary>
    public static SuggestResult Suggested(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(SuggestStatus.Suggested, config);
    }
}
