using System.Net;
using System.Text.Json;
using HyperTune.Coordinator.Tests.Export;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class ExportEndpointsTests(CoordinatorFixture fixture)
{
    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task Export_Csv_IsAFileWithTheHeaderAndOneRowPerTrial()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("csv", trials: 3, epochs: 2));

        var response = await Api.GetAsync($"/api/studies/{id}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{id}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["trial_id", "number", "state", "epochs", "best_epoch", "best_val_accuracy", "train_loss", "val_accuracy", "val_loss",
            "hidden_layers", "hidden_units", "learning_rate", "reason"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.All(rows.Skip(1), row => Assert.Equal(rows[0].Length, row.Length));
        Assert.Equal([id + "-0001", id + "-0002", id + "-0003"], rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), row => Assert.Equal(("Completed", "2", "8"), (row[2], row[3], row[10])));
        var best = await Api.GetJsonAsync($"/api/studies/{id}/best");
        var bestRow = rows.Single(r => r[0] == best.GetProperty("trialId").GetString());
        Assert.Equal(best.GetProperty("epoch").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), bestRow[4]);
        Assert.Equal(best.GetProperty("value").GetDouble(), double.Parse(bestRow[5], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Export_Json_HoldsTheStudyAndEachTrialWithItsHistory()
    {
        var (id, _) = await Api.RunStudyAsync(TestSpecs.Tiny("json", trials: 2, epochs: 2));

        var response = await Api.GetAsync($"/api/studies/{id}/export?format=JSON");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, export.GetProperty("study").GetProperty("studyId").GetString());
        var trials = export.GetProperty("trials").EnumerateArray().ToArray();
        Assert.Equal(2, trials.Length);
        Assert.All(trials, t =>
        {
            Assert.Equal(t.GetProperty("trial").GetProperty("trialId").GetString(), t.GetProperty("history").GetProperty("trialId").GetString());
            Assert.Equal(2, t.GetProperty("history").GetProperty("epochs").GetArrayLength());
        });
    }

    [Fact]
    public async Task Export_Csv_TrialThatFailedBeforeAnyEpoch_HasEmptyBestAndItsReason()
    {
        var id = await fixture.RunStudyDirectlyAsync(TestSpecs.MissingData("export-failed"));

        var rows = Csv.Parse(await (await Api.GetAsync($"/api/studies/{id}/export")).Content.ReadAsStringAsync());

        Assert.Equal(["trial_id", "number", "state", "epochs", "best_epoch", "best_val_loss", "hidden_layers", "hidden_units", "learning_rate", "reason"], rows[0]);
        Assert.Equal([id + "-0001", "1", "Failed", "0", "", "", "1", "8", "0.01"], rows[1][..9]);
        Assert.Contains("no-such-file", rows[1][9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_Returns400NamingTheFormat()
    {
        var response = await Api.GetAsync($"/api/studies/{TestSpecs.NewId()}/export?format=xlsx");

        await ProblemAssert.IsBadFieldAsync(response, "format", "xlsx", "csv", "json");
    }
}
