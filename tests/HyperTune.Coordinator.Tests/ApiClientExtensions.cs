using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Abstractions.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Coordinator.Tests;

/// <summary>Calls of the Coordinator's API the tests share.</summary>
internal static class ApiClientExtensions
{
    /// <summary>POSTs <paramref name="body"/> as-is with <paramref name="mediaType"/> (null: no body at all).</summary>
    public static Task<HttpResponseMessage> PostTextAsync(this HttpClient api, string path, string? body, string mediaType = "application/json") =>
        api.PostAsync(path, body is null ? null : new StringContent(body, Encoding.UTF8, mediaType));

    /// <summary>Creates a study and returns its id and the answer's study.</summary>
    public static async Task<(string Id, JsonElement Study)> CreateStudyAsync(this HttpClient api, string spec, string? id = null)
    {
        id ??= TestSpecs.NewId();
        var response = await api.PostTextAsync($"/api/studies?id={id}", spec);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (id, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Creates a study and waits, on its event stream, until it finished; returns its id and every event.</summary>
    public static async Task<(string Id, List<(string Name, JsonElement Data)> Events)> RunStudyAsync(this HttpClient api, string spec)
    {
        var (id, _) = await api.CreateStudyAsync(spec);
        await using var events = await StudyEventReader.OpenAsync(api, id);
        return (id, await events.ReadToEndAsync());
    }

    /// <summary>
    /// Starts a study through the Coordinator's cluster client, past the API's checks (as a spec that comes from another
    /// grain would), and waits until it finished; returns its id.
    /// </summary>
    public static async Task<string> RunStudyDirectlyAsync(this CoordinatorFixture fixture, string spec)
    {
        var id = TestSpecs.NewId();
        var started = await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IStudyGrain>(id).StartAsync(spec);
        Assert.True(started.Accepted, started.Error + string.Join("; ", started.Problems));
        await using var events = await StudyEventReader.OpenAsync(fixture.Api, id);
        await events.ReadToEndAsync();
        return id;
    }

    /// <summary>GETs JSON, asserting success.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient api, string path)
    {
        var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POSTs (JSON or nothing), asserting success; returns the JSON answer.</summary>
    public static async Task<JsonElement> PostJsonAsync(this HttpClient api, string path, object? body = null)
    {
        var response = body is null ? await api.PostAsync(path, null) : await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
