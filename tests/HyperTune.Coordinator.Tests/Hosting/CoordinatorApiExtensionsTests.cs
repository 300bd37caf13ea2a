using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Values;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Tests.Hosting;

[Collection(CoordinatorCollection.Name)]
public sealed class CoordinatorApiExtensionsTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_IsServedAndListsEveryApiRoute()
    {
        var document = await fixture.Api.GetJsonAsync("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/studies", "/api/studies/{id}", "/api/studies/{id}/trials", "/api/studies/{id}/best", "/api/studies/{id}/history",
            "/api/studies/{id}/export", "/api/studies/{id}/pause", "/api/studies/{id}/resume", "/api/studies/{id}/stop",
            "/api/studies/{id}/events", "/api/trials/{id}", "/api/trials/{id}/decay-lr", "/api/trials/{id}/set-lr",
            "/api/trials/{id}/pause", "/api/trials/{id}/resume", "/api/trials/{id}/stop", "/api/cluster",
            "/api/lr-range-tests", "/api/lr-range-tests/{id}", "/api/studies/{id}/lr-range-test",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var studies = document.GetProperty("paths").GetProperty("/api/studies");
        Assert.True(studies.TryGetProperty("post", out var create) && create.GetProperty("responses").TryGetProperty("201", out _), studies.ToString());
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), create.ToString());
        var rangeTest = document.GetProperty("paths").GetProperty("/api/lr-range-tests").GetProperty("post");
        Assert.True(rangeTest.GetProperty("responses").TryGetProperty("202", out _), rangeTest.ToString());
        Assert.True(rangeTest.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), rangeTest.ToString());
        var decay = document.GetProperty("paths").GetProperty("/api/trials/{id}/decay-lr").GetProperty("post");
        Assert.True(decay.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), decay.ToString());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await fixture.Api.GetAsync("/api/nothing-here");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public void HttpJson_TrialBeforeItsFirstEpoch_CamelCaseStringEnumsAndNaNAsString()
    {
        var options = fixture.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var trial = new TrialSnapshot("s-0001", "s", 1, TrialState.Pending, null, TrialConfig.FromDictionary(new Dictionary<string, object> { ["learning_rate"] = 0.01 }),
            0, 3, ImmutableDictionary<string, double>.Empty, double.NaN, "silo", null, null, 0);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(trial, options)).RootElement;

        Assert.Equal("NaN", json.GetProperty("learningRate").GetString());
        Assert.Equal("Pending", json.GetProperty("state").GetString());
        Assert.Equal(0.01, json.GetProperty("config").GetProperty("learning_rate").GetDouble());
        Assert.Equal("s-0001", json.GetProperty("trialId").GetString());
    }

    [Fact]
    public void HttpJson_RangeTestStoppedByANaNLoss_WritesTheNonFiniteLossesAsStrings()
    {
        var options = fixture.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        ImmutableArray<RangeTestPoint> points = [new(0, 1e-7, 2.3, 2.3), new(1, 1e-6, 1.9, 2.1), new(2, 1e-5, double.NaN, double.NaN)];
        var result = new RangeTestResult
        {
            Points = points, StopReason = RangeTestStopReason.NonFinite, SuggestedLearningRate = 1e-6, MinimumLossLearningRate = 1e-6,
            SearchLow = 1e-7, SearchHigh = 1e-6, Method = "minimum/10",
        };
        var status = new LearningRateRangeTestStatus("lrt-0badf00d", RangeTestState.Completed, TrialConfig.FromDictionary(new Dictionary<string, object> { ["optimizer"] = "adam" }),
            points, 100, result, null, "silo", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(3));

        var json = JsonDocument.Parse(JsonSerializer.Serialize(status, options)).RootElement;

        Assert.Equal("NaN", json.GetProperty("points")[2].GetProperty("loss").GetString());
        Assert.Equal("NaN", json.GetProperty("result").GetProperty("points")[2].GetProperty("smoothedLoss").GetString());
        Assert.Equal(1.9, json.GetProperty("points")[1].GetProperty("loss").GetDouble());
        Assert.Equal("NonFinite", json.GetProperty("result").GetProperty("stopReason").GetString());
        Assert.Equal("Completed", json.GetProperty("state").GetString());
        Assert.Equal("adam", json.GetProperty("config").GetProperty("optimizer").GetString());
        Assert.Equal(1e-6, json.GetProperty("result").GetProperty("suggestedLearningRate").GetDouble());
    }
}
