using System.Net;
using System.Text.Json;

namespace HyperTune.Coordinator.Tests.Api;

/// <summary><c>POST /api/trials/{id}/fork</c> against the shared cluster: a fork starts from the source's checkpoint and the source trains on.</summary>
[Collection(CoordinatorCollection.Name)]
public sealed class TrialForkEndpointTests(CoordinatorFixture fixture)
{
    private HttpClient Api => fixture.Api;

    /// <summary>
    /// One synthetic trial (the grid has one config) that trains until stopped, an epoch every 0.2 s, a checkpoint every
    /// epoch; a budget of two trials, so exactly one fork fits, and room for it to start at once.
    /// </summary>
    private static string Forkable(string name) => $$"""
        { "name": "{{name}}", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.2},
          "search_space": { "learning_rate": 0.002, "optimizer": "adam", "epochs": 100000 },
          "searcher": {"kind": "grid"},
          "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 100000},
          "checkpoint_interval": 1 }
        """;

    [Theory]
    [InlineData("""{"hidden_units": 64}""", "$.hidden_units", "shapes the model")]
    [InlineData("""{"activation": "tanh"}""", "$.activation", "shapes the model")]
    [InlineData("""{"colour": 3}""", "$.colour", "not a hyperparameter")]
    [InlineData("""{"epoch": 0}""", "$.epoch", "from 1")]
    [InlineData("""{"epoch": "7"}""", "$.epoch", "whole number")]
    [InlineData("""{"learning_rate": [1]}""", "$.learning_rate", "a number, a string or true/false")]
    [InlineData("""[1]""", "$", "not a JSON object")]
    public async Task Fork_BadBody_Returns400NamingTheField(string body, string field, string mention)
    {
        var (id, _) = await Api.CreateStudyAsync(Forkable("fork-bad"));
        try
        {
            var response = await Api.PostTextAsync($"/api/trials/{id}-0001/fork", body);

            await ProblemAssert.IsBadFieldAsync(response, field, mention);
        }
        finally
        {
            await Api.PostAsync($"/api/studies/{id}/stop", null);
        }
    }

    [Fact]
    public async Task Fork_UnknownTrial_Returns404()
    {
        var unknown = TestSpecs.NewId("unknown") + "-0001";

        var response = await Api.PostTextAsync($"/api/trials/{unknown}/fork", """{"learning_rate": 0.001}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Fork_TrainingTrial_StartsFromItsCheckpointWithTheNewRate_TheSourceTrainsOn_TheBudgetCounts()
    {
        var (id, _) = await Api.CreateStudyAsync(Forkable("fork"));
        var source = id + "-0001";
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        try
        {
            await events.ReadUntilAsync("epoch", e => e.GetProperty("trialId").GetString() == source && e.GetProperty("epoch").GetProperty("epoch").GetInt32() >= 3);

            // An epoch without a checkpoint is a conflict that says which it keeps.
            await ProblemAssert.IsProblemAsync(
                await Api.PostTextAsync($"/api/trials/{source}/fork", """{"learning_rate": 0.0001, "epoch": 99999}"""), HttpStatusCode.Conflict, "no checkpoint at epoch 99999");

            var response = await Api.PostTextAsync($"/api/trials/{source}/fork", """{"learning_rate": 0.0001}""");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
            var answer = JsonDocument.Parse(text).RootElement;
            var fork = answer.GetProperty("trialId").GetString()!;
            var from = answer.GetProperty("sourceEpoch").GetInt32();
            Assert.Equal((id + "-0002", source, id), (fork, answer.GetProperty("sourceTrialId").GetString(), answer.GetProperty("studyId").GetString()));
            Assert.Equal($"/api/trials/{fork}", response.Headers.Location?.OriginalString);
            Assert.True(from >= 3, text);

            // Its first epoch is the one after the checkpoint, at the new rate.
            var first = await events.ReadUntilAsync("epoch", e => e.GetProperty("trialId").GetString() == fork);
            Assert.Equal(from + 1, first.GetProperty("epoch").GetProperty("epoch").GetInt32());
            Assert.Equal(1e-4, first.GetProperty("epoch").GetProperty("learningRate").GetDouble(), 12);

            // The budget of two trials is spent.
            await ProblemAssert.IsProblemAsync(await Api.PostTextAsync($"/api/trials/{source}/fork", """{"learning_rate": 0.001}"""), HttpStatusCode.Conflict, "budget of 2 trials is spent");

            var details = await Api.GetJsonAsync($"/api/trials/{fork}");
            var forkedFrom = details.GetProperty("trial").GetProperty("forkedFrom");
            Assert.Equal((source, from), (forkedFrom.GetProperty("sourceTrialId").GetString(), forkedFrom.GetProperty("sourceEpoch").GetInt32()));
            Assert.Equal(1e-4, details.GetProperty("trial").GetProperty("config").GetProperty("learning_rate").GetDouble(), 12);
            var firstEvent = details.GetProperty("history").GetProperty("events").EnumerateArray().First();
            Assert.Equal(("forked", from), (firstEvent.GetProperty("kind").GetString(), firstEvent.GetProperty("epoch").GetInt32()));
            Assert.Contains(source, firstEvent.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(from + 1, details.GetProperty("history").GetProperty("epochs").EnumerateArray().First().GetProperty("epoch").GetInt32());

            var sourceDetails = await Api.GetJsonAsync($"/api/trials/{source}");
            Assert.Equal("Running", sourceDetails.GetProperty("trial").GetProperty("state").GetString());
            Assert.Equal([fork], sourceDetails.GetProperty("forks").EnumerateArray().Select(f => f.GetString()));
        }
        finally
        {
            await Api.PostAsync($"/api/studies/{id}/stop", null);
            await events.ReadToEndAsync();
        }
    }
}
