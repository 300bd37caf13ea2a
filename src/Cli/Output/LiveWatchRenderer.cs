using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Watching;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HyperTune.Cli.Output;

/// <summary>
/// A watched study on a terminal: <see cref="WatchView"/> fitted to the console's size, redrawn at most every
/// <see cref="RedrawInterval"/> and only after a change (<see cref="RedrawLoop"/>); the summary follows when the study
/// ends. Redirected output gets <see cref="PlainWatchRenderer"/> instead.
/// </summary>
internal sealed class LiveWatchRenderer(IAnsiConsole console, TimeProvider? time = null) : IWatchRenderer
{
    /// <summary>The shortest time between two redraws: at most twice a second.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private StudyWatchState? _state;
    private string? _note;
    private StudyWatchState? _ended;
    private LiveDisplayContext? _live;
    private RedrawLoop? _redraw;

    /// <summary>How many times the display was drawn (for tests).</summary>
    internal int Draws { get; private set; }

    public async Task<int> RunAsync(Func<Task<int>> watch)
    {
        var exitCode = 0;
        await console.Live(new Markup("[grey]connecting…[/]"))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                _live = context;
                var loop = new RedrawLoop(_time, RedrawInterval, Draw);
                _redraw = loop;
                using var stop = new CancellationTokenSource();
                var drawing = loop.RunAsync(stop.Token);
                try
                {
                    exitCode = await watch().ConfigureAwait(false);
                }
                finally
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    await drawing.ConfigureAwait(false);
                    loop.Flush();
                    Draws = loop.Draws;
                }
            })
            .ConfigureAwait(false);

        if (_ended is { } state)
        {
            console.WriteLine();
            foreach (var line in WatchLines.Summary(state))
            {
                console.WriteLine(line);
            }
        }

        return exitCode;
    }

    public void StudyChanged(StudyWatchState state, Study? previous) => Changed(state);

    public void TrialChanged(StudyWatchState state, Trial trial, Trial? previous) => Changed(state);

    public void EpochReported(StudyWatchState state, EpochEvent report) => Changed(state);

    public void Reconnecting(StudyWatchState state)
    {
        _note = "[yellow]event stream dropped; reconnecting…[/]";
        Changed(state);
    }

    public void Ended(StudyWatchState state)
    {
        _ended = state;
        Changed(state);
    }

    private void Changed(StudyWatchState state)
    {
        _state = state;
        _redraw?.Invalidate();
    }

    /// <summary>Builds the display from the state (under its gate: events change it on another thread) and shows it.</summary>
    private void Draw()
    {
        if (_state is not { } state || _live is not { } live)
        {
            return;
        }

        IRenderable view;
        lock (state.Gate)
        {
            view = WatchView.Build(state, console.Profile.Width, console.Profile.Height, _note);
        }

        live.UpdateTarget(view);
    }
}
