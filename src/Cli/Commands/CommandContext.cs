using HyperTune.Cli.Api;
using HyperTune.Cli.Output;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Commands;

/// <summary>What a command's action works with: the API client and the screen.</summary>
internal sealed class CommandContext(HyperTuneApiClient api, Screen screen)
{
    public HyperTuneApiClient Api { get; } = api;

    public Screen Screen { get; } = screen;

    /// <summary>Watches a study with the live display on a terminal, plain lines otherwise.</summary>
    public Task<int> WatchAsync(string studyId, CancellationToken cancellationToken)
    {
        IWatchRenderer renderer = Screen.IsTerminal ? new LiveWatchRenderer(Screen.Console) : new PlainWatchRenderer(Screen.Out);
        return new StudyWatcher(Api, renderer).WatchAsync(studyId, cancellationToken);
    }
}
