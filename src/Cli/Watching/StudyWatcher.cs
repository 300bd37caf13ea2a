using System.Text.Json;
using HyperTune.Cli.Api;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Watching;

/// <summary>
/// Follows a study through <c>GET /api/studies/{id}/events</c> until it finishes. The stream starts with the
/// current state and then sends each change; a stream that drops before the study finished is opened once more
/// (it starts again with the current state, so nothing is lost but the epochs in between).
/// </summary>
internal sealed class StudyWatcher(HyperTuneApiClient api, IWatchRenderer renderer)
{
    /// <summary>How often a dropped stream is opened again.</summary>
    public const int MaxReconnects = 1;

    /// <summary>Watches until the study finishes (exit code 0).</summary>
    public Task<int> WatchAsync(string studyId, CancellationToken cancellationToken) =>
        renderer.RunAsync(() => WatchCoreAsync(studyId, cancellationToken));

    private async Task<int> WatchCoreAsync(string studyId, CancellationToken cancellationToken)
    {
        var state = new StudyWatchState(studyId);
        for (var reconnects = 0; ; reconnects++)
        {
            var stream = await api.OpenStudyEventsAsync(studyId, cancellationToken).ConfigureAwait(false);
            string drop;
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    if (await FollowAsync(stream, state, cancellationToken).ConfigureAwait(false))
                    {
                        renderer.Ended(state);
                        return ExitCodes.Success;
                    }

                    drop = "the stream ended";
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    drop = ex.Message;
                }
            }

            if (reconnects >= MaxReconnects)
            {
                throw new CliException(
                    $"lost the event stream of study '{studyId}' before it finished ({drop}); it is still " +
                    $"{state.Study?.State ?? "running"}: 'hypertune study watch {studyId}' follows it again");
            }

            renderer.Reconnecting(state);
        }
    }

    // Applies events until the study finishes (true) or the stream ends (false).
    private async Task<bool> FollowAsync(Stream stream, StudyWatchState state, CancellationToken cancellationToken)
    {
        await foreach (var message in ServerSentEventReader.FromStream(stream).ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (message.Type)
            {
                case "study":
                    var study = Decode(message, ApiJsonContext.Default.Study);
                    lock (state.Gate)
                    {
                        renderer.StudyChanged(state, state.Apply(study));
                    }

                    if (state.IsFinished)
                    {
                        return true;
                    }

                    break;
                case "trial":
                    var trial = Decode(message, ApiJsonContext.Default.Trial);
                    lock (state.Gate)
                    {
                        renderer.TrialChanged(state, trial, state.Apply(trial));
                    }

                    break;
                case "epoch":
                    var report = Decode(message, ApiJsonContext.Default.EpochEvent);
                    lock (state.Gate)
                    {
                        state.Apply(report);
                        renderer.EpochReported(state, report);
                    }

                    break;
                default:
                    // Other event types may come with later versions of the API.
                    break;
            }
        }

        return false;
    }

    private static T Decode<T>(ServerSentEvent message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Data, type)
                ?? throw new CliException($"the event stream sent an empty '{message.Type}' event");
        }
        catch (JsonException ex)
        {
            throw new CliException($"the event stream sent a '{message.Type}' event this CLI cannot read ({ex.Message})", ExitCodes.Failure, ex);
        }
    }
}
