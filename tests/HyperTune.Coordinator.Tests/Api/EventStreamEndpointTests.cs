using System.Net;
using System.Text.Json;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class EventStreamEndpointTests(CoordinatorFixture fixture)
{
    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task Events_SmallStudy_StreamsStateThenStudyTrialAndEpochEventsAndEndsWhenItCompletes()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.LongAndShort("events"));
        await using var reader = await StudyEventReader.OpenAsync(Api, id);
        var trials = await Api.GetJsonAsync($"/api/studies/{id}/trials");
        var longTrial = trials.EnumerateArray().Single(t => t.GetProperty("config").GetProperty("epochs").GetInt64() == 100000).GetProperty("trialId").GetString()!;

        await reader.ReadUntilAsync("epoch", e => e.GetProperty("trialId").GetString() == longTrial);
        Assert.Equal(longTrial, (await Api.PostJsonAsync($"/api/trials/{longTrial}/stop")).GetProperty("trialId").GetString());
        var events = await reader.ReadToEndAsync();

        Assert.Equal("text/event-stream", reader.MediaType);
        Assert.Equal("study", events[0].Name);
        Assert.Equal(id, events[0].Data.GetProperty("studyId").GetString());
        Assert.All(events, e => Assert.Contains(e.Name, new[] { "study", "trial", "epoch" }));
        Assert.Equal([id + "-0001", id + "-0002"], events.Where(e => e.Name == "trial").Select(e => e.Data.GetProperty("trialId").GetString()).Distinct().Order());
        Assert.Contains(events, e => e.Name == "trial" && e.Data.GetProperty("trialId").GetString() == longTrial && e.Data.GetProperty("state").GetString() == "Stopped");
        var epoch = events.First(e => e.Name == "epoch" && e.Data.GetProperty("trialId").GetString() == longTrial).Data;
        Assert.Equal(id, epoch.GetProperty("studyId").GetString());
        Assert.True(epoch.GetProperty("epoch").GetProperty("epoch").GetInt32() >= 1);
        Assert.True(epoch.GetProperty("epoch").GetProperty("metrics").TryGetProperty("val_accuracy", out _));
        Assert.Equal(JsonValueKind.Array, epoch.GetProperty("learningRateChanges").ValueKind);
        Assert.False(string.IsNullOrEmpty(epoch.GetProperty("silo").GetString()));
        Assert.Equal(("study", "Completed"), (events[^1].Name, events[^1].Data.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Events_StudyThatTrainsUntilStopped_DeliversEveryEpochLiveAndEndsWithStopped()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Endless("live"));
        await using var reader = await StudyEventReader.OpenAsync(Api, id);

        var first = await reader.ReadUntilAsync("epoch", _ => true);
        var next = await reader.ReadUntilAsync("epoch", e => e.GetProperty("epoch").GetProperty("epoch").GetInt32() > first.GetProperty("epoch").GetProperty("epoch").GetInt32());
        Assert.Equal(first.GetProperty("trialId").GetString(), next.GetProperty("trialId").GetString());
        await Api.PostAsync($"/api/studies/{id}/stop", null);
        var events = await reader.ReadToEndAsync();

        Assert.Equal("study", events[0].Name);
        Assert.Contains(events, e => e.Name == "trial" && e.Data.GetProperty("state").GetString() == "Stopped");
        Assert.Equal(("study", "Stopped"), (events[^1].Name, events[^1].Data.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Events_FinishedStudy_SendsItsStateAndEnds()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("replay", trials: 2, epochs: 1));
        await using var reader = await StudyEventReader.OpenAsync(Api, id);

        var events = await reader.ReadToEndAsync();

        Assert.Equal(["study", "trial", "trial"], events.Select(e => e.Name));
        Assert.Equal("Completed", events[0].Data.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Events_ClientLeaves_StreamCanBeOpenedAgain()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Endless("leave"));
        await using (var first = await StudyEventReader.OpenAsync(Api, id))
        {
            await first.ReadUntilAsync("epoch", _ => true);
        }

        await using var second = await StudyEventReader.OpenAsync(Api, id);
        await second.ReadUntilAsync("epoch", _ => true);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync($"/api/studies/{id}/stop", null)).StatusCode);
        await second.ReadToEndAsync();
    }
}
