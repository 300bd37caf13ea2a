using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.EndToEnd.Tests;

/// <summary>The Coordinator resource's commands and links, through the real AppHost.</summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardEndToEndTests(AppHostFixture fixture)
{
    private const string Spec = """
        { "name": "from-aspire", "dataset": {"kind": "moons", "samples": 2000},
          "search_space": { "optimizer": "sgd", "learning_rate": 0.01, "batch_size": 400, "hidden_units": 256, "hidden_layers": 2 },
          "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 100000},
          "checkpoint_interval": 0 }
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private HttpClient Http => fixture.Coordinator;

    [Fact]
    public async Task LaunchStudyCommand_PastedSpec_StartsTheStudy_AndStopAllStudiesStopsIt()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var launched = await fixture.App.ResourceCommands.ExecuteCommandAsync("coordinator", "launch-study",
            new InteractionInputCollection([new InteractionInput { Name = "spec", InputType = InputType.Text, Value = Spec }]), timeout.Token);
        Assert.True(launched.Success, launched.Message);

        var study = await FindStudyAsync("from-aspire");
        Assert.Equal("Running", study.GetProperty("state").GetString());
        var studyId = study.GetProperty("studyId").GetString()!;
        Assert.Contains(studyId, launched.Message, StringComparison.Ordinal);
        await WaitForFirstEpochAsync(studyId, timeout.Token); // it trains

        var stopped = await fixture.App.ResourceCommands.ExecuteCommandAsync("coordinator", "stop-all-studies", timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        Assert.Contains(studyId, stopped.Message, StringComparison.Ordinal);
        var after = await Http.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}", timeout.Token);
        Assert.Contains(after.GetProperty("state").GetString(), new[] { "Stopping", "Stopped" });
    }

    [Fact]
    public async Task LaunchStudyCommand_NoArguments_LaunchesTheDigitsExample()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var launched = await fixture.App.ResourceCommands.ExecuteCommandAsync("coordinator", "launch-study", timeout.Token);
        Assert.True(launched.Success, "launch failed: " + launched.Message);
        var study = await FindStudyAsync("digits");
        Assert.Equal("val_accuracy", study.GetProperty("objectiveMetric").GetString());

        var stopped = await fixture.App.ResourceCommands.ExecuteCommandAsync("coordinator", "stop-all-studies", timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
    }

    [Fact]
    public async Task Dashboards_HyperTuneAndOrleans_AreServedAndLinked()
    {
        var page = await Http.GetStringAsync("/");
        Assert.Contains("_framework/blazor.web", page, StringComparison.Ordinal);
        Assert.Contains("dashboard", page, StringComparison.Ordinal); // its stylesheet

        var coordinator = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "coordinator");
        Assert.True(coordinator.TryGetAnnotationsOfType<ResourceCommandAnnotation>(out var commands));
        Assert.Contains(commands, c => c.Name == "launch-study" && c.DisplayName == "Launch study");
        Assert.Contains(commands, c => c.Name == "stop-all-studies");

        // The primary silo serves the Orleans dashboard on its HTTP endpoint ("/orleans/": HttpClient drops the token
        // when it follows the redirect from "/orleans"; a browser's cookie follows it).
        using var orleans = fixture.CreateClient("silo-0");
        using var response = await orleans.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Both links of the resource sign the browser in, the token in the fragment.
        using var timeout = new CancellationTokenSource(Timeout);
        var state = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "coordinator", e => e.Snapshot.Urls.Count(u => u.Url.Contains("/login", StringComparison.Ordinal)) == 2, timeout.Token);
        Assert.All(state.Snapshot.Urls.Where(u => u.Url.Contains("/login", StringComparison.Ordinal)),
            u => Assert.EndsWith("#token=" + fixture.Token, u.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cluster_WithoutTheToken_RefusesTheApiAndBothDashboards()
    {
        using var coordinator = fixture.App.CreateHttpClient("coordinator", "http");
        using var silo = fixture.App.CreateHttpClient("silo-0", "http");

        using var api = await coordinator.PostAsync("/api/studies/s-none/stop", null);
        using var dashboard = await coordinator.GetAsync("/");
        using var orleans = await silo.GetAsync("/orleans/ClusterStats");
        using var health = await coordinator.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, orleans.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<JsonElement> FindStudyAsync(string name)
    {
        var studies = await Http.GetFromJsonAsync<JsonElement>("/api/studies");
        return studies.EnumerateArray().Last(s => s.GetProperty("name").GetString() == name);
    }

    private async Task WaitForFirstEpochAsync(string studyId, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"/api/studies/{studyId}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != "event: epoch")
        {
        }
    }
}
