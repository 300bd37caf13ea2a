using System.Net.ServerSentEvents;
using System.Text.Json;

namespace HyperTune.Coordinator.Tests;

/// <summary>Reads a study's server-sent events from the Coordinator, each read bounded by a timeout.</summary>
internal sealed class StudyEventReader : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;
    private readonly CancellationTokenSource _cancel = new(Timeout);

    private StudyEventReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _events = SseParser.Create(stream).EnumerateAsync(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
    }

    /// <summary>Every event read so far.</summary>
    public List<(string Name, JsonElement Data)> Events { get; } = [];

    /// <summary>The response's media type.</summary>
    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<StudyEventReader> OpenAsync(HttpClient api, string studyId)
    {
        var response = await api.GetAsync($"/api/studies/{studyId}/events", HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"GET events of {studyId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return new StudyEventReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<(string Name, JsonElement Data)?> NextAsync()
    {
        if (!await _events.MoveNextAsync())
        {
            return null;
        }

        var item = (_events.Current.EventType, JsonDocument.Parse(_events.Current.Data).RootElement.Clone());
        Events.Add(item);
        return item;
    }

    /// <summary>Reads until an event satisfies <paramref name="match"/>; fails when the stream ends first.</summary>
    public async Task<JsonElement> ReadUntilAsync(string name, Func<JsonElement, bool> match)
    {
        while (await NextAsync() is { } next)
        {
            if (next.Name == name && match(next.Data))
            {
                return next.Data;
            }
        }

        Assert.Fail($"The stream ended before a matching '{name}' event.");
        return default;
    }

    /// <summary>Reads until the stream ends (the study finished); returns every event.</summary>
    public async Task<List<(string Name, JsonElement Data)>> ReadToEndAsync()
    {
        while (await NextAsync() is not null)
        {
        }

        return Events;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _response.Dispose();
        _cancel.Dispose();
    }
}
