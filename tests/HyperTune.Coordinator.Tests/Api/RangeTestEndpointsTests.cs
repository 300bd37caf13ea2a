using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperTune.Testing;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class RangeTestEndpointsTests(CoordinatorFixture fixture)
{
    /// <summary>The space's centre config on the built-in digits, with the default ramp (1e-7 to 10 over 100 steps).</summary>
    private const string DigitsSpec = """{"name":"x","dataset":{"kind":"digits"},"search_space":{"optimizer":"adam","hidden_units":32,"hidden_layers":1}}""";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task Start_DigitsSpec_Returns202WithLocation_ThenCompletesWithASuggestionAndOrderedBounds()
    {
        var response = await Api.PostTextAsync("/api/lr-range-tests", DigitsSpec);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = started.GetProperty("id").GetString()!;
        Assert.Matches(new Regex("^lrt-[0-9a-f]{8}$"), id);
        Assert.Equal($"/api/lr-range-tests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(100, started.GetProperty("steps").GetInt32());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("studyId").ValueKind);
        var config = started.GetProperty("config");
        Assert.Equal("adam", config.GetProperty("optimizer").GetString());
        Assert.Equal(32, config.GetProperty("hidden_units").GetInt32());

        var test = await WaitForEndAsync($"/api/lr-range-tests/{id}");

        Assert.True(test.GetProperty("state").GetString() == "Completed", test.ToString());
        var result = test.GetProperty("result");
        var suggested = result.GetProperty("suggestedLearningRate").GetDouble();
        var (low, high) = (result.GetProperty("searchLow").GetDouble(), result.GetProperty("searchHigh").GetDouble());
        Assert.InRange(suggested, 1e-4, 1e-1);
        Assert.True(low < high && low <= suggested && suggested <= high, result.ToString());
        Assert.Contains(result.GetProperty("stopReason").GetString(), new[] { "Completed", "Diverged", "NonFinite" });
        var points = test.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        Assert.Equal(points.Count, result.GetProperty("points").GetArrayLength());
        Assert.Equal(Enumerable.Range(0, points.Count), points.Select(p => p.GetProperty("step").GetInt32()));
        var rates = points.Select(p => p.GetProperty("learningRate").GetDouble()).ToList();
        Assert.Equal(rates.Order(), rates);
        Assert.Equal(1e-7, rates[0], 1e-12);
        Assert.False(string.IsNullOrEmpty(test.GetProperty("silo").GetString()));
        Assert.Equal(JsonValueKind.String, test.GetProperty("endedAt").ValueKind);
    }

    [Fact]
    public async Task Start_SyntheticTrainable_Returns400AtTheTrainableKind()
    {
        var response = await Api.PostTextAsync("/api/lr-range-tests", """{"name":"x","trainable":{"kind":"synthetic"}}""");

        await ProblemAssert.IsBadFieldAsync(response, "$.trainable.kind", "the synthetic trainable has none");
    }

    [Fact]
    public async Task Start_IdTaken_Returns409WhileItRunsAndOnceItCompleted()
    {
        var id = TestSpecs.NewId("lrt");
        var spec = """{"name":"short","dataset":{"kind":"blobs","samples":200},"search_space":{"hidden_units":8,"hidden_layers":1},"seed":3}""";

        var first = await Api.PostTextAsync($"/api/lr-range-tests?id={id}", spec);
        var again = await Api.PostTextAsync($"/api/lr-range-tests?id={id}", spec);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"/api/lr-range-tests/{id}", first.Headers.Location?.OriginalString);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, id);
        var ended = await WaitForEndAsync($"/api/lr-range-tests/{id}");
        Assert.Equal("Completed", ended.GetProperty("state").GetString());
        await ProblemAssert.IsProblemAsync(await Api.PostTextAsync($"/api/lr-range-tests?id={id}", spec), HttpStatusCode.Conflict, id, "completed");
    }

    [Fact]
    public async Task Start_InvalidSpec_Returns400ListingEveryProblemWithItsPath_AndStartsNothing()
    {
        var id = TestSpecs.NewId("lrt");

        var response = await Api.PostTextAsync($"/api/lr-range-tests?id={id}", TestSpecs.Invalid);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "spec", "$.dataset.kind");
        var errors = ProblemAssert.Errors(problem);
        Assert.Contains(errors, e => e.Field == "$.dataset.kind");
        Assert.Contains(errors, e => e.Field.StartsWith("$.search_space.learning_rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.StartsWith("$.search_space.colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "$.budget.max_trials");
        await ProblemAssert.IsProblemAsync(await Api.GetAsync($"/api/lr-range-tests/{id}"), HttpStatusCode.NotFound, id);
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("name: x", "not valid JSON")]
    [InlineData("[1, 2]", "an array, not a JSON object")]
    public async Task Start_BodyNotASpecObject_Returns400AboutTheBody(string body, string mention)
    {
        var response = await Api.PostTextAsync("/api/lr-range-tests", body);

        await ProblemAssert.IsBadFieldAsync(response, "$", mention);
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Start_MalformedId_Returns400NamingTheId(string id)
    {
        var response = await Api.PostTextAsync($"/api/lr-range-tests?id={id}", DigitsSpec);

        await ProblemAssert.IsBadFieldAsync(response, "id", "not a valid range test id", "64");
    }

    [Fact]
    public async Task Start_IdOfAStudy_Returns409PointingToTheStudysTest()
    {
        var (studyId, _) = await Api.CreateStudyAsync(TestSpecs.Tiny("taken", trials: 1, epochs: 1));

        var response = await Api.PostTextAsync($"/api/lr-range-tests?id={studyId}", DigitsSpec);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, studyId, $"/api/studies/{studyId}/lr-range-test");
        await using var events = await StudyEventReader.OpenAsync(Api, studyId);
        await events.ReadToEndAsync();
    }

    [Theory]
    [InlineData("lrt-00000000")]
    [InlineData("not%20an%20id")]
    public async Task Get_UnknownId_Returns404(string id)
    {
        var response = await Api.GetAsync($"/api/lr-range-tests/{id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "range test", Uri.UnescapeDataString(id));
    }

    [Fact]
    public async Task GetStudyTest_StudyWithLrRangeTest_ReturnsTheTestItRanFirst()
    {
        var (studyId, _) = await Api.CreateStudyAsync("""
            { "name": "lr-first", "dataset": {"kind": "digits"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-5, "high": 1}, "optimizer": "adam", "hidden_units": 32, "hidden_layers": 1 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 1},
              "checkpoint_interval": 0, "lr_range_test": {"steps": 60} }
            """);

        var test = await WaitForEndAsync($"/api/studies/{studyId}/lr-range-test");

        Assert.Equal("Completed", test.GetProperty("state").GetString());
        Assert.Equal(studyId, test.GetProperty("id").GetString());
        Assert.Equal(studyId, test.GetProperty("studyId").GetString());
        Assert.Equal(60, test.GetProperty("steps").GetInt32());
        var result = test.GetProperty("result");
        var (low, high) = (result.GetProperty("searchLow").GetDouble(), result.GetProperty("searchHigh").GetDouble());
        Assert.Equal(test.ToString(), (await Api.GetJsonAsync($"/api/lr-range-tests/{studyId}")).ToString());
        await using var events = await StudyEventReader.OpenAsync(Api, studyId);
        await events.ReadToEndAsync();
        var trial = Assert.Single((await Api.GetJsonAsync($"/api/studies/{studyId}/trials")).EnumerateArray());
        Assert.InRange(trial.GetProperty("config").GetProperty("learning_rate").GetDouble(), low, high);
    }

    [Fact]
    public async Task GetStudyTest_StudyWithoutRangeTest_Returns404SayingSo()
    {
        var (studyId, _) = await Api.RunStudyAsync(TestSpecs.Tiny("no-range-test", trials: 1, epochs: 1));

        var response = await Api.GetAsync($"/api/studies/{studyId}/lr-range-test");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, studyId, "no learning-rate range test");
    }

    [Fact]
    public async Task GetStudyTest_StandaloneTestId_IsNotAStudysTest()
    {
        var response = await Api.PostTextAsync("/api/lr-range-tests", DigitsSpec);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        await ProblemAssert.IsProblemAsync(await Api.GetAsync($"/api/studies/{id}/lr-range-test"), HttpStatusCode.NotFound, "Unknown study", id);
        await WaitForEndAsync($"/api/lr-range-tests/{id}");
    }

    [Fact]
    public async Task List_AfterATestEnded_ListsItNewestFirstWithItsBounds()
    {
        var id = TestSpecs.NewId("lrt");
        var spec = """{"name":"listed","dataset":{"kind":"blobs","samples":200},"search_space":{"hidden_units":8,"hidden_layers":1},"seed":4}""";
        (await Api.PostTextAsync($"/api/lr-range-tests?id={id}", spec)).EnsureSuccessStatusCode();
        var test = await WaitForEndAsync($"/api/lr-range-tests/{id}");

        var list = await Api.GetJsonAsync("/api/lr-range-tests");

        var entry = list.EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        Assert.Equal(test.GetProperty("state").GetString(), entry.GetProperty("state").GetString());
        Assert.Equal("blobs", entry.GetProperty("dataset").GetString());
        if (test.GetProperty("state").GetString() == "Completed")
        {
            Assert.Equal(test.GetProperty("result").GetProperty("searchLow").GetDouble(), entry.GetProperty("searchLow").GetDouble());
        }

        var started = list.EnumerateArray().Select(t => t.GetProperty("startedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(started.OrderDescending(), started);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task List_LimitOutOfRange_Returns400(string limit)
    {
        var response = await Api.GetAsync($"/api/lr-range-tests?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> WaitForEndAsync(string path)
    {
        var status = default(JsonElement);
        await Eventually.HoldsAsync(
            async () => (status = await Api.GetJsonAsync(path)).GetProperty("state").GetString() != "Running",
            $"the range test at {path} ends",
            Timeout,
            () => status.ValueKind == JsonValueKind.Undefined ? "no answer yet" : $"last: {status.GetProperty("state")}, {status.GetProperty("points").GetArrayLength()} points");
        return status;
    }

    [Fact]
    public async Task Start_CsvThatCannotBeRead_Returns400NamingTheFile()
    {
        var response = await Api.PostTextAsync(
            "/api/lr-range-tests",
            """{"name": "x", "dataset": {"kind": "csv", "path": "absent.csv", "label_column": "y"}, "search_space": {"hidden_units": 8}}""");

        await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path", "absent.csv", "does not exist");
    }

    [Fact]
    public async Task Start_ModelOverTheLimits_Returns400()
    {
        var response = await Api.PostTextAsync(
            "/api/lr-range-tests",
            """{"name": "x", "dataset": {"kind": "digits"}, "search_space": {"hidden_units": 65536, "hidden_layers": 8}}""");

        await ProblemAssert.IsBadFieldAsync(response, "$.search_space.hidden_units", "HyperTune:Limits:MaxParameters");
    }
}
