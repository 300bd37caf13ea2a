using System.Net;
using System.Text;
using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed class StudyCommandsTests
{
    private const string Spec = """{ "name": "digits-lr", "dataset": { "kind": "digits" } }""";

    [Fact]
    public async Task Create_SpecFile_PostsItsTextAndPrintsTheStudyId()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/studies", Samples.Study(id: "digits-lr-1"), HttpStatusCode.Created);

        var result = await CliHarness.RunAsync(server, "study", "create", "-f", temp.File("spec.json", Spec));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["digits-lr-1"], result.OutLines);
        Assert.Empty(result.Error);
        var request = server.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/studies", request.PathAndQuery);
        Assert.Equal(Spec, request.Body);
        Assert.Equal("application/json", request.ContentType);
    }

    [Fact]
    public async Task Create_WithId_PassesTheIdInTheQuery()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/studies?id=my%20study", Samples.Study(id: "my study"), HttpStatusCode.Created);

        var result = await CliHarness.RunAsync(server, "study", "create", "--file", temp.File("spec.json", Spec), "--id", "my study");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["my study"], result.OutLines);
    }

    [Fact]
    public async Task Create_WithWatch_PrintsTheIdThenWatchesUntilTheStudyEnds()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer()
            .OnJson("POST", "/api/studies", Samples.Study(), HttpStatusCode.Created)
            .OnEvents("s1", ChunkedStream.FromText([Samples.CompletedStudyStream()]));

        var result = await CliHarness.RunAsync(server, "study", "create", "-f", temp.File("spec.json", Spec), "--watch");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("s1", result.OutLines[0]);
        Assert.Equal("best: trial s1-0001 val_accuracy=0.95 at epoch 2", result.OutLines[^1]);
        Assert.Equal(["POST /api/studies", "GET /api/studies/s1/events"], server.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Create_MissingSpecFile_ExitsOneNamingTheFileWithoutARequest()
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "study", "create", "-f", "no/such/spec.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: spec file 'no/such/spec.json' not found", result.SingleErrorLine);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Create_SpecFileNotJson_ExitsOneNamingTheFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("spec.json", "{ name: ");

        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), "study", "create", "-f", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: spec file '{path}' is not valid JSON: ", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidSpec_ExitsOneWithDetailAndFirstFieldErrorsOnOneLine()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnProblem(
            "POST",
            "/api/studies",
            HttpStatusCode.BadRequest,
            "Invalid study spec",
            "The spec has 4 problems.",
            """
            [{ "field": "$.search_space.learning_rate.low", "message": "must be positive" },
             { "field": "$.budget.max_trials", "message": "must be at least 1" },
             { "field": "$.dataset.kind", "message": "unknown dataset 'mnist'" },
             { "field": "$.seed", "message": "must be an integer" }]
            """);

        var result = await CliHarness.RunAsync(server, "study", "create", "-f", temp.File("spec.json", Spec));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: The spec has 4 problems.: $.search_space.learning_rate.low: must be positive; " +
            "$.budget.max_trials: must be at least 1; $.dataset.kind: unknown dataset 'mnist'; and 1 more",
            result.SingleErrorLine);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Create_IdTaken_ExitsOneWithTheConflictDetail()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/studies?id=s1", HttpStatusCode.Conflict, "Conflict", "A study with id 's1' already exists.");

        var result = await CliHarness.RunAsync(server, "study", "create", "-f", temp.File("spec.json", Spec), "--id", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: A study with id 's1' already exists.", result.SingleErrorLine);
    }

    [Fact]
    public async Task Create_WithoutFile_IsAUsageError()
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "study", "create");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--file", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_Studies_PrintsATableWithIdNameStateTrialsAndBest()
    {
        // Waiting trials (Pending: for a slot) are told apart from running ones.
        const string Going = """{ "Running": 3, "Pending": 1, "Completed": 1 }""";
        const string Done = """{ "Completed": 5 }""";
        var studies = $"[{Samples.Study(id: "s1", started: 5, maxTrials: 20, counts: Going, best: Samples.Best(value: 0.9812))}, " +
            $"{Samples.Study(id: "s2", state: "Completed", started: 5, maxTrials: 5, counts: Done, name: "moons")}]";
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", studies);

        var result = await CliHarness.RunAsync(server, "study", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "ID  NAME       STATE      TRIALS  NOW                    BEST",
                "s1  digits-lr  Running    5/20    3 running · 1 waiting  val_accuracy=0.9812",
                "s2  moons      Completed  5/5     -                      -",
            ],
            result.OutLines);
        Assert.Equal("GET /api/studies", server.SingleRequest.ToString());
    }

    [Fact]
    public async Task List_NoStudies_SaysSo()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies", "[]");

        var result = await CliHarness.RunAsync(server, "study", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No studies yet", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Study_PrintsDetailsCountsPerStateAndBest()
    {
        var study = Samples.Study(
            started: 5, maxTrials: 20, counts: """{ "Running": 2, "Pending": 1, "Completed": 1, "Pruned": 1 }""", best: Samples.Best("s1-0003", 7, 0.97));
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1", study);

        var result = await CliHarness.RunAsync(server, "study", "show", "s1");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Contains("Study      s1", lines);
        Assert.Contains("State      Running", lines);
        Assert.Contains("Objective  val_accuracy (maximize)", lines);
        Assert.Contains("Trials     5 started of 20", lines);
        Assert.Contains("Now        2 running · 1 waiting", lines);
        Assert.Contains("Running                       2", lines);
        Assert.Contains("Pending (waiting for a slot)  1", lines);
        Assert.Contains("Completed                     1", lines);
        Assert.Contains("Pruned                        1", lines);
        Assert.Contains("Failed                        0", lines);
        Assert.Contains("Trial         s1-0003", lines);
        Assert.Contains("val_accuracy  0.97", lines);
        Assert.Contains("Config        learning_rate=0.001, optimizer=adam", lines);
    }

    [Fact]
    public async Task Show_UnknownStudy_ExitsOneWithOneErrorLine()
    {
        var server = new FakeHyperTuneServer()
            .OnProblem("GET", "/api/studies/nope", HttpStatusCode.NotFound, "Not Found", "Study 'nope' does not exist.");

        var result = await CliHarness.RunAsync(server, "study", "show", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Study 'nope' does not exist.", result.SingleErrorLine);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("pause", "Paused")]
    [InlineData("resume", "Running")]
    [InlineData("stop", "Stopping")]
    public async Task StateCommand_Study_PostsTheCommandAndPrintsTheNewState(string command, string state)
    {
        var server = new FakeHyperTuneServer().OnJson("POST", $"/api/studies/s1/{command}", Samples.Study(state: state));

        var result = await CliHarness.RunAsync(server, "study", command, "s1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"study s1: {state}"], result.OutLines);
        var request = server.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task Stop_FinishedStudy_ExitsOneWithTheConflictDetail()
    {
        var server = new FakeHyperTuneServer().OnProblem(
            "POST", "/api/studies/s1/stop", HttpStatusCode.Conflict, "Conflict", "Study 's1' is Completed and cannot stop.");

        var result = await CliHarness.RunAsync(server, "study", "stop", "s1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Study 's1' is Completed and cannot stop.", result.SingleErrorLine);
    }

    [Fact]
    public async Task Export_Csv_WritesTheServersFileAndPrintsItsPath()
    {
        using var temp = new TempDirectory();
        const string Csv = "trial_id,state,val_accuracy\ns1-0001,Completed,0.95\n";
        var server = new FakeHyperTuneServer().On("GET", "/api/studies/s1/export?format=csv", _ =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Csv, Encoding.UTF8, "text/csv") });
        var path = temp.File("trials.csv");

        var result = await CliHarness.RunAsync(server, "study", "export", "s1", "--format", "csv", "-o", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([path], result.OutLines);
        Assert.Equal(Csv, await File.ReadAllTextAsync(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_FormatFromOutputExtension_AsksForJson()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1/export?format=json", """[{ "trialId": "s1-0001" }]""");
        var path = temp.File("trials.JSON");

        var result = await CliHarness.RunAsync(server, "study", "export", "s1", "-o", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""[{ "trialId": "s1-0001" }]""", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Export_UnknownExtensionWithoutFormat_IsAUsageError()
    {
        var server = new FakeHyperTuneServer();

        var result = await CliHarness.RunAsync(server, "study", "export", "s1", "-o", "trials.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("trials.txt", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        var result = await CliHarness.RunAsync(new FakeHyperTuneServer(), "study", "export", "s1", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownStudy_ExitsOneAndWritesNoFile()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer()
            .OnProblem("GET", "/api/studies/nope/export?format=csv", HttpStatusCode.NotFound, "Not Found", "Study 'nope' does not exist.");

        var result = await CliHarness.RunAsync(server, "study", "export", "nope", "-o", temp.File("out.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Study 'nope' does not exist.", result.SingleErrorLine);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Export_MissingDirectory_ExitsOneNamingTheFile()
    {
        using var temp = new TempDirectory();
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/studies/s1/export?format=csv", "a,b\n");
        var path = Path.Combine(temp.Path, "missing", "out.csv");

        var result = await CliHarness.RunAsync(server, "study", "export", "s1", "-o", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot write '{path}': ", result.SingleErrorLine, StringComparison.Ordinal);
    }
}
