using HyperTune.Cli;
using HyperTune.Testing;

namespace HyperTune.EndToEnd.Tests;

/// <summary>The README's quickstart, command by command, through the real CLI against the real AppHost.</summary>
[Collection(AppHostCollection.Name)]
public sealed class QuickstartTests(AppHostFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-quickstart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Quickstart_EveryCommand_WorksAsWritten()
    {
        var spec = Path.Combine(RepositoryRoot.Path, "examples", "digits.json");

        var (code, output, error) = await RunAsync("study", "create", "-f", spec);
        Assert.True(code == 0, error);
        var studyId = output.Trim();
        var trialId = studyId + "-0001";

        (code, _, error) = await RunAsync("trial", "decay-lr", trialId, "--factor", "0.5");
        Assert.True(code == 0, error);

        (code, output, error) = await RunAsync("study", "watch", studyId);
        Assert.True(code == 0, error);
        Assert.Contains("Completed", output, StringComparison.Ordinal);

        (code, output, error) = await RunAsync("trial", "show", trialId);
        Assert.True(code == 0, error);
        Assert.Contains("decay", output, StringComparison.OrdinalIgnoreCase);

        (code, output, error) = await RunAsync("study", "list");
        Assert.True(code == 0, error);
        Assert.Contains(studyId, output, StringComparison.Ordinal);

        var export = Path.Combine(_directory, "results.csv");
        (code, _, error) = await RunAsync("study", "export", studyId, "-o", export);
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(export);
        Assert.StartsWith("trial_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length);

        (code, output, error) = await RunAsync("cluster");
        Assert.True(code == 0, error);
        Assert.Contains("silo-1", output, StringComparison.Ordinal);

        (code, _, error) = await RunAsync("trial", "decay-lr", trialId, "--factor", "0.5");
        Assert.Equal(1, code);
        Assert.Contains("has finished", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // The README's way: the token the AppHost prints, exported as HYPERTUNE_TOKEN.
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetEnvironmentVariable = name => name == "HYPERTUNE_TOKEN" ? fixture.Token : null,
        };
        var code = await CliApp.RunAsync([.. args, "--url", fixture.CoordinatorUrl.ToString()], environment);
        return (code, output.ToString(), error.ToString());
    }
}
