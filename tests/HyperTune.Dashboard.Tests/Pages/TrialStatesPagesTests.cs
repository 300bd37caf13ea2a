using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Coordinator.Tests;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

/// <summary>
/// Trials waiting for a slot (Pending: standby trials) are shown apart from running ones on the Studies page and the
/// Cluster page, and never counted as running or as using a slot.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TrialStatesPagesTests(DashboardFixture fixture)
{
    /// <summary>Synthetic slots of the test cluster: every silo's default 16.</summary>
    private const int SyntheticSlots = CoordinatorFixture.Silos * 16;

    [Fact]
    public async Task StudyWithStandbyTrials_StudiesAndClusterPages_CountThemWaitingNotRunning()
    {
        // Its concurrency covers every synthetic slot: it fills them and starts one standby trial per silo.
        var studyId = await CreateAsync($$"""
            { "name": "waiting", "trainable": {"kind": "synthetic", "seconds_per_epoch": 1},
              "search_space": { "learning_rate": 0.002 },
              "budget": {"max_trials": {{SyntheticSlots + 10}}, "max_concurrent_trials": {{SyntheticSlots + 10}}, "max_epochs_per_trial": 1000}, "checkpoint_interval": 0 }
            """);
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync("/");
            var activity = page.Locator($"tr[data-study='{studyId}'] [data-testid='study-activity']");
            await Expect(activity).ToHaveTextAsync($"0 done of {SyntheticSlots + 10} · {SyntheticSlots} running · {CoordinatorFixture.Silos} waiting");

            await page.GotoAsync("/cluster");
            var silos = page.GetByTestId("silo");
            await Expect(silos).ToHaveCountAsync(CoordinatorFixture.Silos);
            foreach (var silo in await silos.AllAsync())
            {
                await Expect(silo.GetByTestId("silo-synthetic")).ToHaveTextAsync("Synthetic: 16 running · 1 waiting of 16 slots");
                await Expect(silo.Locator($"li[data-trial^='{studyId}-'] .state.pending")).ToHaveCountAsync(1);
                await Expect(silo.Locator($"li[data-trial^='{studyId}-'] .state.pending")).ToHaveTextAsync("waiting");
            }

            await Expect(page.GetByTestId("cluster-summary")).ToContainTextAsync($"{CoordinatorFixture.Silos} trial(s) waiting for a slot");
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/studies/{studyId}/stop", null);
        }
    }

    [Fact]
    public async Task StudyPage_AStudyWithATrialWaitingForASlot_CountsItWaitingAndFiltersIt()
    {
        var studyId = $"synthetic-6x10-failed-{Guid.NewGuid():N}"[..40]; // trial 5 pruned, trial 6 waits for a slot
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/studies/{studyId}");

        await Expect(page.GetByTestId("trial-activity")).ToContainTextAsync("1 finished, 4 running, 1 waiting for a slot");
        await page.GetByTestId("trial-state-filter").SelectOptionAsync("Pending");
        var rows = page.Locator("[data-testid='trial-table'] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-trial", $"{studyId}-0006");
        await Expect(page.Locator("[data-testid='trial-state-filter'] option[value='Pending']")).ToHaveTextAsync("Pending (waiting for a slot)");
        await page.Context.CloseAsync();
    }

    private async Task<string> CreateAsync(string spec)
    {
        using var created = await fixture.Api.PostAsync("/api/studies", new StringContent(spec, Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;
    }
}
