using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HyperTune.EndToEnd.Tests;

[Collection(AppHostCollection.Name)]
public sealed class ClusterEndToEndTests(AppHostFixture fixture)
{
    private const string Spec = """
        { "name": "e2e", "dataset": {"kind": "digits"},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 64, "hidden_layers": 2 },
          "budget": {"max_trials": 4, "max_concurrent_trials": 2, "max_epochs_per_trial": 40},
          "checkpoint_interval": 10, "seed": 3 }
        """;

    private HttpClient Http => fixture.Coordinator;

    [Fact]
    public async Task Study_SubmittedOverHttp_SpreadsOverSilos_ObeysDecay_AndCompletes()
    {
        using var created = await Http.PostAsync("/api/studies", new StringContent(Spec, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var studyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;

        string? decayedTrial = null;
        var sawDecayInStream = false;
        await foreach (var (name, data) in ReadEventsAsync($"/api/studies/{studyId}/events"))
        {
            if (name == "epoch")
            {
                var trialId = data.GetProperty("trialId").GetString()!;
                if (decayedTrial is null)
                {
                    decayedTrial = trialId;
                    using var decay = await Http.PostAsJsonAsync($"/api/trials/{trialId}/decay-lr", new { factor = 0.5 });
                    Assert.Equal(HttpStatusCode.OK, decay.StatusCode);
                }
                else if (trialId == decayedTrial && data.GetProperty("learningRateChanges").GetArrayLength() > 0)
                {
                    sawDecayInStream = true;
                }
            }
        }

        var study = await Http.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}");
        Assert.Equal("Completed", study.GetProperty("state").GetString());
        var trials = await Http.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/trials");
        Assert.Equal(4, trials.GetArrayLength());
        Assert.All(trials.EnumerateArray(), t => Assert.Equal("Completed", t.GetProperty("state").GetString()));
        Assert.True(trials.EnumerateArray().Select(t => t.GetProperty("silo").GetString()).Distinct().Count() >= 2, "the trials ran on one silo only");

        Assert.True(sawDecayInStream, "no epoch event carried the decay");
        var trial = await Http.GetFromJsonAsync<JsonElement>($"/api/trials/{decayedTrial}");
        var change = Assert.Single(trial.GetProperty("history").GetProperty("learningRateChanges").EnumerateArray());
        Assert.Equal("user", change.GetProperty("source").GetString());
        Assert.Equal(change.GetProperty("oldLearningRate").GetDouble() * 0.5, change.GetProperty("newLearningRate").GetDouble(), 12);
    }

    /// <summary>Reads a server-sent event stream until the server ends it.</summary>
    private async IAsyncEnumerable<(string Name, JsonElement Data)> ReadEventsAsync(string path)
    {
        using var response = await Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data.Length > 0)
                {
                    yield return (name, JsonDocument.Parse(data.ToString()).RootElement.Clone());
                }

                (name, data) = (null, data.Clear());
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].TrimStart());
            }
        }
    }
}
