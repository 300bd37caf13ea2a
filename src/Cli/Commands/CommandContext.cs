using HyperTune.Cli.Api;
using HyperTune.Cli.Output;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Commands;

/// <summary>What a command's action works with: the API client, the screen and how often to poll.</summary>
internal sealed class CommandContext(HyperTuneApiClient api, Screen screen, TimeSpan pollInterval)
{
    public HyperTuneApiClient Api { get; } = api;

    public Screen Screen { get; } = screen;

    /// <summary>The pause between two polls of something that runs (<see cref="CliEnvironment.PollInterval"/>).</summary>
    public TimeSpan PollInterval { get; } = pollInterval;

    /// <summary>Watches a study with the live display on a terminal, plain lines otherwise.</summary>
    public Task<int> WatchAsync(string studyId, CancellationToken cancellationToken)
    {
        IWatchRenderer renderer = Screen.IsTerminal ? new LiveWatchRenderer(Screen.Console) : new PlainWatchRenderer(Screen.Out);
        return new StudyWatcher(Api, renderer).WatchAsync(studyId, cancellationToken);
    }
}
