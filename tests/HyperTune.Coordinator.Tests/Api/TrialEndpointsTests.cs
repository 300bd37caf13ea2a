using System.Net;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class TrialEndpointsTests(CoordinatorFixture fixture)
{
    private HttpClient Api => fixture.Api;

    public static TheoryData<string, string, string?> TrialRoutes => new()
    {
        { "GET", "/api/trials/{0}", null },
        { "POST", "/api/trials/{0}/decay-lr", """{"factor": 0.5}""" },
        { "POST", "/api/trials/{0}/set-lr", """{"value": 0.001}""" },
        { "POST", "/api/trials/{0}/pause", null },
        { "POST", "/api/trials/{0}/resume", null },
        { "POST", "/api/trials/{0}/stop", null },
    };

    public static TheoryData<string?, string, string[]> BadFactors => new()
    {
        { """{"factor": 0}""", "$.factor", ["factor", "positive"] },
        { """{"factor": -0.5}""", "$.factor", ["factor", "positive"] },
        { """{}""", "$.factor", ["factor", "missing"] },
        { """{"rate": 0.5}""", "$.factor", ["factor", "missing"] },
        { """{"factor": "half"}""", "$.factor", ["factor", "number", "string"] },
        { """{"factor": "NaN"}""", "$.factor", ["factor", "number"] },
        { """{"factor": true}""", "$.factor", ["factor", "number"] },
        { """{"factor": 1e999}""", "$.factor", ["factor", "finite"] },
        { """{"factor": 1e308}""", "$.factor", ["decay factor", "from 1E-06 to 1000"] },
        { """{"factor": 1e-300}""", "$.factor", ["decay factor", "from 1E-06 to 1000"] },
        { """{"factor": 0.5""", "$.factor", ["not valid JSON", "factor"] },
        { "factor=0.5", "$.factor", ["not valid JSON", "factor"] },
        { "", "$.factor", ["empty", "factor"] },
        { null, "$.factor", ["empty", "factor"] },
    };

    [Theory]
    [MemberData(nameof(TrialRoutes))]
    public async Task TrialRoute_UnknownTrial_Returns404(string method, string route, string? body)
    {
        foreach (var id in new[] { TestSpecs.NewId("unknown") + "-0001", "no-number-here", "nodash" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id))
            {
                Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };

            var response = await Api.SendAsync(request);

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, id);
        }
    }

    [Theory]
    [MemberData(nameof(BadFactors))]
    public async Task DecayLr_BadFactor_Returns400NamingTheField(string? body, string field, string[] mentions)
    {
        var response = await Api.PostTextAsync($"/api/trials/{TestSpecs.NewId()}-0001/decay-lr", body);

        await ProblemAssert.IsBadFieldAsync(response, field, mentions);
    }

    [Theory]
    [InlineData("""{"value": 0}""", "positive")]
    [InlineData("""{"value": -1e-4}""", "positive")]
    [InlineData("""{"factor": 0.5}""", "missing")]
    [InlineData("""{"value": null}""", "null")]
    [InlineData("""{"value": 1e308}""", "from 1E-10 to 100")]
    [InlineData("""{"value": 1e39}""", "from 1E-10 to 100")]
    public async Task SetLr_BadValue_Returns400NamingTheField(string body, string mention)
    {
        var response = await Api.PostTextAsync($"/api/trials/{TestSpecs.NewId()}-0001/set-lr", body);

        await ProblemAssert.IsBadFieldAsync(response, "$.value", "value", mention);
    }

    [Fact]
    public async Task Commands_FinishedTrial_Return409()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("finished", trials: 1, epochs: 1));
        var trialId = id + "-0001";

        foreach (var (path, body) in new[] { ("pause", (string?)null), ("resume", null), ("stop", null), ("decay-lr", """{"factor": 0.5}"""), ("set-lr", """{"value": 0.001}""") })
        {
            var response = await Api.PostTextAsync($"/api/trials/{trialId}/{path}", body);

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, trialId, "has finished");
        }

        var details = await Api.GetJsonAsync($"/api/trials/{trialId}");
        Assert.Equal("Completed", details.GetProperty("trial").GetProperty("state").GetString());
        Assert.Single(details.GetProperty("history").GetProperty("epochs").EnumerateArray());
    }

    [Fact]
    public async Task DecayLr_TrainingTrial_TakesEffectAndShowsInHistory_PauseAndResumeToo()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Endless("decay"));
        var trialId = id + "-0001";
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        try
        {
            await events.ReadUntilAsync("epoch", e => e.GetProperty("trialId").GetString() == trialId);

            var decayed = await Api.PostJsonAsync($"/api/trials/{trialId}/decay-lr", new { factor = 0.5 });
            Assert.Equal(trialId, decayed.GetProperty("trialId").GetString());
            var changed = await events.ReadUntilAsync("epoch", e => e.GetProperty("learningRateChanges").GetArrayLength() > 0);
            Assert.Equal(0.005, changed.GetProperty("epoch").GetProperty("learningRate").GetDouble(), 12);

            Assert.Equal("Paused", (await Api.PostJsonAsync($"/api/trials/{trialId}/pause")).GetProperty("state").GetString());
            Assert.Equal("Running", (await Api.PostJsonAsync($"/api/trials/{trialId}/resume")).GetProperty("state").GetString());

            var details = await Api.GetJsonAsync($"/api/trials/{trialId}");
            var trial = details.GetProperty("trial");
            Assert.Equal((id, 1), (trial.GetProperty("studyId").GetString(), trial.GetProperty("number").GetInt32()));
            var history = details.GetProperty("history");
            var change = Assert.Single(history.GetProperty("learningRateChanges").EnumerateArray());
            Assert.Equal((0.01, 0.005, "user", "decay"), (
                change.GetProperty("oldLearningRate").GetDouble(), change.GetProperty("newLearningRate").GetDouble(),
                change.GetProperty("source").GetString(), change.GetProperty("command").GetString()));
            var epochs = history.GetProperty("epochs").EnumerateArray().ToArray();
            var at = change.GetProperty("epoch").GetInt32();
            Assert.Equal(0.01, epochs.Single(e => e.GetProperty("epoch").GetInt32() == at - 1).GetProperty("learningRate").GetDouble(), 12);
            Assert.Equal(0.005, epochs.Single(e => e.GetProperty("epoch").GetInt32() == at).GetProperty("learningRate").GetDouble(), 12);
        }
        finally
        {
            await Api.PostAsync($"/api/studies/{id}/stop", null);
            await events.ReadToEndAsync();
        }

        var stopped = await Api.GetJsonAsync($"/api/trials/{trialId}");
        Assert.Equal("Stopped", stopped.GetProperty("trial").GetProperty("state").GetString());
    }
}
