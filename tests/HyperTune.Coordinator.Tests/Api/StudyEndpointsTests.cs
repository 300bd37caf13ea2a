using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class StudyEndpointsTests(CoordinatorFixture fixture)
{
    private HttpClient Api => fixture.Api;

    public static TheoryData<string, string> StudyRoutes => new()
    {
        { "GET", "/api/studies/{0}" },
        { "GET", "/api/studies/{0}/trials" },
        { "GET", "/api/studies/{0}/best" },
        { "GET", "/api/studies/{0}/history" },
        { "GET", "/api/studies/{0}/export?format=csv" },
        { "GET", "/api/studies/{0}/export?format=json" },
        { "GET", "/api/studies/{0}/events" },
        { "GET", "/api/studies/{0}/lr-range-test" },
        { "POST", "/api/studies/{0}/pause" },
        { "POST", "/api/studies/{0}/resume" },
        { "POST", "/api/studies/{0}/stop" },
    };

    [Fact]
    public async Task Create_ValidSpecWithId_Returns201WithLocationAndTheStudy_ThenListAndGetFindIt()
    {
        var id = TestSpecs.NewId();

        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.Tiny("create"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/studies/{id}", response.Headers.Location?.OriginalString);
        var study = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, study.GetProperty("studyId").GetString());
        Assert.Equal("create", study.GetProperty("name").GetString());
        Assert.Equal("val_accuracy", study.GetProperty("objectiveMetric").GetString());
        Assert.True(study.GetProperty("maximize").GetBoolean());
        Assert.Contains(study.GetProperty("state").GetString(), new[] { "Running", "Completed" });

        var listed = await Api.GetJsonAsync("/api/studies");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("studyId").GetString() == id);
        var fetched = await Api.GetJsonAsync($"/api/studies/{id}");
        Assert.Equal(id, fetched.GetProperty("studyId").GetString());
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        await events.ReadToEndAsync();
    }

    [Fact]
    public async Task Create_SyntheticSpecWithoutDataset_RunsToTheEndAndExports()
    {
        var (id, _) = await Api.RunStudyAsync("""
            { "name": "synthetic-api", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.02},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 1e-2} },
              "budget": {"max_trials": 6, "max_concurrent_trials": 6, "max_epochs_per_trial": 3}, "checkpoint_interval": 0, "seed": 4 }
            """);

        var study = await Api.GetJsonAsync($"/api/studies/{id}");
        Assert.Equal("Completed", study.GetProperty("state").GetString());
        Assert.Contains("\"trainable\": {", study.GetProperty("specJson").GetString(), StringComparison.Ordinal);
        var history = await Api.GetJsonAsync($"/api/studies/{id}/history");
        Assert.All(history.GetProperty("trials").EnumerateArray(), t => Assert.Equal(3, t.GetProperty("epochs").GetArrayLength()));
        var trials = await Api.GetJsonAsync($"/api/studies/{id}/trials");
        Assert.All(trials.EnumerateArray(), t => Assert.Equal("Completed", t.GetProperty("state").GetString()));
        var csv = await Api.GetStringAsync($"/api/studies/{id}/export?format=csv");
        Assert.Contains("val_accuracy", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SyntheticSpecNamingAMissingDataFile_IsAcceptedForItReadsNoData()
    {
        var spec = $$"""
            { "name": "synthetic-no-data", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0},
              "dataset": {"kind": "csv", "path": "no-such-file-{{Guid.NewGuid():N}}.csv", "label_column": "y"},
              "search_space": { "learning_rate": 0.002 },
              "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 2}, "checkpoint_interval": 0 }
            """;

        var (id, _) = await Api.RunStudyAsync(spec);

        var trial = Assert.Single((await Api.GetJsonAsync($"/api/studies/{id}/trials")).EnumerateArray());
        Assert.Equal(("Completed", 2), (trial.GetProperty("state").GetString(), trial.GetProperty("epoch").GetInt32()));
    }

    [Fact]
    public async Task Create_WithoutId_GeneratesIdFromSpecName()
    {
        var response = await Api.PostTextAsync("/api/studies", TestSpecs.Tiny("my.spec_v1", trials: 1, epochs: 1));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("studyId").GetString()!;
        Assert.Matches(new Regex("^my-spec_v1-[0-9a-f]{8}$"), id);
        Assert.Equal($"/api/studies/{id}", response.Headers.Location?.OriginalString);
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        await events.ReadToEndAsync();
    }

    [Fact]
    public async Task Create_EmptyBody_Returns400SayingTheBodyIsEmpty()
    {
        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", string.Empty);

        await ProblemAssert.IsBadFieldAsync(response, "$", "body is empty");
    }

    [Fact]
    public async Task Create_NoBodyAtAll_Returns400SayingTheBodyIsEmpty()
    {
        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", null);

        await ProblemAssert.IsBadFieldAsync(response, "$", "body is empty");
    }

    [Fact]
    public async Task Create_NonJsonBody_Returns400SayingItIsNotJson()
    {
        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", "name: tiny\ndataset: blobs", "text/plain");

        await ProblemAssert.IsBadFieldAsync(response, "$", "not valid JSON", "text/plain");
    }

    [Fact]
    public async Task Create_ValidSpecSentAsFormContentType_IsAcceptedForItsJson()
    {
        var id = TestSpecs.NewId();

        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.Tiny("curl", trials: 1, epochs: 1), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        await events.ReadToEndAsync();
    }

    [Fact]
    public async Task Create_JsonArray_Returns400SayingASpecIsAnObject()
    {
        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", "[1, 2]");

        await ProblemAssert.IsBadFieldAsync(response, "$", "an array, not a JSON object");
    }

    [Fact]
    public async Task Create_InvalidSpec_Returns400ListingEveryProblemWithItsField()
    {
        var id = TestSpecs.NewId();

        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.Invalid);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "spec", "$.dataset.kind", "$.budget.max_trials");
        var errors = ProblemAssert.Errors(problem);
        Assert.True(errors.Count >= 4, problem.ToString());
        Assert.Contains(errors, e => e.Field == "$.dataset.kind");
        Assert.Contains(errors, e => e.Field.StartsWith("$.search_space.learning_rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field.StartsWith("$.search_space.colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "$.budget.max_trials");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        await ProblemAssert.IsProblemAsync(await Api.GetAsync($"/api/studies/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Create_MalformedId_Returns400NamingTheId(string id)
    {
        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.Tiny());

        await ProblemAssert.IsBadFieldAsync(response, "id", "not a valid study id", "64");
    }

    [Fact]
    public async Task Create_IdTaken_Returns409()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Tiny("first", trials: 1, epochs: 1));

        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.Tiny("second", trials: 1, epochs: 1));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, id, "already exists");
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        await events.ReadToEndAsync();
        Assert.Equal("first", (await Api.GetJsonAsync($"/api/studies/{id}")).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(StudyRoutes))]
    public async Task StudyRoute_UnknownStudy_Returns404(string method, string route)
    {
        foreach (var id in new[] { TestSpecs.NewId("unknown"), "not%20an%20id" })
        {
            var response = await Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id)));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, Uri.UnescapeDataString(id));
        }
    }

    [Fact]
    public async Task CompletedStudy_TrialsBestAndHistory_DescribeEveryTrial()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("complete", trials: 3, epochs: 2));

        var study = await Api.GetJsonAsync($"/api/studies/{id}");
        Assert.Equal("Completed", study.GetProperty("state").GetString());
        Assert.Equal(3, study.GetProperty("trialsStarted").GetInt32());
        Assert.Equal(3, study.GetProperty("trialCounts").GetProperty("Completed").GetInt32());
        var trials = (await Api.GetJsonAsync($"/api/studies/{id}/trials")).EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3], trials.Select(t => t.GetProperty("number").GetInt32()));
        Assert.All(trials, t => Assert.Equal($"{id}-{t.GetProperty("number").GetInt32():D4}", t.GetProperty("trialId").GetString()));
        Assert.All(trials, t => Assert.Equal(JsonValueKind.Number, t.GetProperty("config").GetProperty("learning_rate").ValueKind));

        var history = await Api.GetJsonAsync($"/api/studies/{id}/history");
        Assert.Equal(id, history.GetProperty("studyId").GetString());
        var epochs = history.GetProperty("trials").EnumerateArray()
            .SelectMany(t => t.GetProperty("epochs").EnumerateArray().Select(e => (Trial: t.GetProperty("trialId").GetString(), Epoch: e.GetProperty("epoch").GetInt32(),
                Value: e.GetProperty("metrics").GetProperty("val_accuracy").GetDouble())))
            .ToArray();
        Assert.Equal(6, epochs.Length);

        var best = await Api.GetJsonAsync($"/api/studies/{id}/best");
        var maximum = epochs.Max(e => e.Value);
        Assert.Equal(maximum, best.GetProperty("value").GetDouble());
        Assert.Contains(epochs, e => e.Trial == best.GetProperty("trialId").GetString() && e.Epoch == best.GetProperty("epoch").GetInt32() && e.Value == maximum);
        Assert.Equal(JsonValueKind.Object, best.GetProperty("config").ValueKind);
    }

    [Fact]
    public async Task GetBest_NoTrialReported_Returns404()
    {
        var id = await fixture.RunStudyDirectlyAsync(TestSpecs.MissingData());
        var trial = Assert.Single((await Api.GetJsonAsync($"/api/studies/{id}/trials?status=failed")).EnumerateArray());
        Assert.False(string.IsNullOrEmpty(trial.GetProperty("reason").GetString()));

        var response = await Api.GetAsync($"/api/studies/{id}/best");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, id, "val_loss");
    }

    [Fact]
    public async Task GetTrials_StatusFilter_ReturnsOnlyTrialsInThatStateAnyCase()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Endless("filter"));
        try
        {
            await using var events = await StudyEventReader.OpenAsync(Api, id);
            var epoch = await events.ReadUntilAsync("epoch", _ => true);

            var running = await Api.GetJsonAsync($"/api/studies/{id}/trials?status=running");
            Assert.Equal(epoch.GetProperty("trialId").GetString(), Assert.Single(running.EnumerateArray()).GetProperty("trialId").GetString());
            Assert.Empty((await Api.GetJsonAsync($"/api/studies/{id}/trials?status=Completed")).EnumerateArray());
        }
        finally
        {
            await StopAndWaitAsync(id);
        }

        Assert.Single((await Api.GetJsonAsync($"/api/studies/{id}/trials?status=STOPPED")).EnumerateArray());
        Assert.Empty((await Api.GetJsonAsync($"/api/studies/{id}/trials?status=running")).EnumerateArray());
    }

    [Fact]
    public async Task GetTrials_Paged_GivesTheTotalAndTheNextPage_SortedByObjective()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("paged", trials: 3, epochs: 2));

        var first = await Api.GetAsync($"/api/studies/{id}/trials?offset=0&limit=2&sort=objective");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("3", Assert.Single(first.Headers.GetValues("X-Total-Count")));
        Assert.Equal($"</api/studies/{id}/trials?offset=2&limit=2&sort=objective>; rel=\"next\"", Assert.Single(first.Headers.GetValues("Link")));
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToArray();
        var last = (await Api.GetJsonAsync($"/api/studies/{id}/trials?offset=2&limit=2&sort=objective")).EnumerateArray().ToArray();

        var values = page.Concat(last).Select(t => t.GetProperty("metrics").GetProperty("val_accuracy").GetDouble()).ToArray();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(3, page.Concat(last).Select(t => t.GetProperty("number").GetInt32()).Distinct().Count());
        var lastResponse = await Api.GetAsync($"/api/studies/{id}/trials?offset=2&limit=2&sort=objective");
        Assert.False(lastResponse.Headers.Contains("Link"));
        var descending = (await Api.GetJsonAsync($"/api/studies/{id}/trials?order=desc&status=completed,failed")).EnumerateArray();
        Assert.Equal([3, 2, 1], descending.Select(t => t.GetProperty("number").GetInt32()));
    }

    [Theory]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("sort=speed", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("status=running,sleeping", "status")]
    public async Task GetTrials_BadPageQuery_Returns400NamingTheField(string query, string field)
    {
        var response = await Api.GetAsync($"/api/studies/{TestSpecs.NewId()}/trials?{query}");

        await ProblemAssert.IsBadFieldAsync(response, field);
    }

    [Fact]
    public async Task GetTrials_UnknownStatus_Returns400ListingTheStates()
    {
        var response = await Api.GetAsync($"/api/studies/{TestSpecs.NewId()}/trials?status=sleeping");

        await ProblemAssert.IsBadFieldAsync(response, "status", "sleeping", "Pending", "Running", "Paused", "Completed", "Stopped", "Pruned", "Diverged", "Failed");
    }

    [Fact]
    public async Task PauseResumeStop_RunningStudy_ChangeItsState()
    {
        var (id, _) = await Api.CreateStudyAsync(TestSpecs.Endless("commands"));
        try
        {
            Assert.Equal("Paused", (await Api.PostJsonAsync($"/api/studies/{id}/pause")).GetProperty("state").GetString());
            Assert.Equal("Running", (await Api.PostJsonAsync($"/api/studies/{id}/resume")).GetProperty("state").GetString());
            Assert.Contains((await Api.PostJsonAsync($"/api/studies/{id}/stop")).GetProperty("state").GetString(), new[] { "Stopping", "Stopped" });
        }
        finally
        {
            await StopAndWaitAsync(id);
        }

        var study = await Api.GetJsonAsync($"/api/studies/{id}");
        Assert.Equal("Stopped", study.GetProperty("state").GetString());
        await ProblemAssert.IsProblemAsync(await Api.PostAsync($"/api/studies/{id}/resume", null), HttpStatusCode.Conflict, "Stopped");
    }

    [Fact]
    public async Task Pause_CompletedStudy_Returns409()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("done", trials: 1, epochs: 1));

        var response = await Api.PostAsync($"/api/studies/{id}/pause", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, id, "Completed");
    }

    private async Task StopAndWaitAsync(string id)
    {
        await Api.PostAsync($"/api/studies/{id}/stop", null);
        await using var events = await StudyEventReader.OpenAsync(Api, id);
        await events.ReadToEndAsync();
    }

    private static string CsvSpec(string path, string searchSpace = "\"hidden_units\": 8, \"hidden_layers\": 1") => $$"""
        { "name": "csv", "dataset": {"kind": "csv", "path": "{{path}}", "label_column": "label"},
          "search_space": { {{searchSpace}} },
          "budget": {"max_trials": 30, "max_concurrent_trials": 2, "max_epochs_per_trial": 1}, "checkpoint_interval": 0 }
        """;

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("/proc/self/environ")]
    [InlineData("data/../../x.csv")]
    [InlineData(".hypertune/hypertune.db")]
    public async Task Create_DatasetPathOutsideTheDataDirectory_Returns400NamingTheField(string path)
    {
        var id = TestSpecs.NewId();

        var response = await Api.PostTextAsync($"/api/studies?id={id}", CsvSpec(path));

        var problem = await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path");
        Assert.DoesNotContain(fixture.DataDirectory, problem.ToString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await Api.GetAsync($"/api/studies/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_SymlinkInsideTheDataDirectoryPointingOutside_Returns400WithoutTheFilesContent()
    {
        var outside = Directory.CreateTempSubdirectory("hypertune-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.csv"), "PASSWORD,label\nhunter2,x\n");
            var link = "link-" + Guid.NewGuid().ToString("N")[..8] + ".csv";
            File.CreateSymbolicLink(Path.Combine(fixture.DataDirectory, link), Path.Combine(outside, "secret.csv"));

            var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", CsvSpec(link));

            var problem = await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path", link, "leads out of the data directory");
            var text = problem.ToString();
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PASSWORD", text, StringComparison.Ordinal);
            Assert.DoesNotContain(outside, text, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.DataDirectory, text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Create_SymlinkToADevice_Returns400()
    {
        var link = "zero-" + Guid.NewGuid().ToString("N")[..8] + ".csv";
        File.CreateSymbolicLink(Path.Combine(fixture.DataDirectory, link), "/dev/zero");

        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", CsvSpec(link));

        await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path", link);
    }

    [Fact]
    public async Task Create_MissingDataFile_Returns400InsteadOfFailingEveryTrial()
    {
        var id = TestSpecs.NewId();

        var response = await Api.PostTextAsync($"/api/studies?id={id}", TestSpecs.MissingData());

        await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path", "no-such-file", "does not exist in the data directory");
        await ProblemAssert.IsProblemAsync(await Api.GetAsync($"/api/studies/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_CsvWithABadCellAtLine5Column3_Returns400NamingFileLineAndColumn()
    {
        var file = "cells-" + Guid.NewGuid().ToString("N")[..8] + ".csv";
        await File.WriteAllTextAsync(Path.Combine(fixture.DataDirectory, file), "a,b,c,label\n1,2,3,x\n1,2,3,y\n1,2,3,x\n1,2,oops,y\n");

        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", CsvSpec(file));

        var problem = await ProblemAssert.IsBadFieldAsync(response, "$.dataset.path", $"{file}, line 5, column 3 ('c')", "'oops' is not a number");
        Assert.DoesNotContain(fixture.DataDirectory, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EightLayersOf65536Units_Returns400NamingTheLimitAndTheField()
    {
        var response = await Api.PostTextAsync(
            $"/api/studies?id={TestSpecs.NewId()}",
            """{"name": "huge", "dataset": {"kind": "digits"}, "search_space": {"hidden_units": 65536, "hidden_layers": 8}}""");

        await ProblemAssert.IsBadFieldAsync(response, "$.search_space.hidden_units", "8 layers × 65,536 units", "30.1 G parameters", "HyperTune:Limits:MaxParameters");
    }

    [Fact]
    public async Task Create_TrialsOverTheLimit_Returns400()
    {
        var spec = TestSpecs.Tiny("many").Replace("\"max_trials\": 2", "\"max_trials\": 2000000", StringComparison.Ordinal);

        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", spec);

        await ProblemAssert.IsBadFieldAsync(response, "$.budget.max_trials", "HyperTune:Limits:MaxTrials");
    }

    [Fact]
    public async Task Create_FortyThousandUnknownKeys_Returns400WithACappedList()
    {
        var spec = "{\"name\": \"flood\"" + string.Concat(Enumerable.Range(0, 40_000).Select(i => $", \"k{i}\": 1")) + "}";

        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", spec);

        var body = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "more than 100 problems");
        var errors = ProblemAssert.Errors(problem);
        Assert.Equal(101, errors.Count);
        Assert.Equal(("$", "…and 39,900 more problems (only the first 100 are listed)"), errors[^1]);
        Assert.True(body.Length < 64 * 1024, $"the answer has {body.Length} characters");
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Returns413()
    {
        var spec = "{\"name\": \"big\", \"seed\": 1" + new string(' ', 5 * 1024 * 1024) + "}";

        var response = await Api.PostTextAsync($"/api/studies?id={TestSpecs.NewId()}", spec);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large", "4,194,304");
    }
}
