using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperTune.Coordinator.Tests;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

[Collection(DashboardCollection.Name)]
public sealed class ClusterPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ClusterPage_TwoSilos_ShowsEachWithItsSlots()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/cluster");

        var silos = page.GetByTestId("silo");
        await Expect(silos).ToHaveCountAsync(CoordinatorFixture.Silos);
        await Expect(silos.First.Locator(".slot")).ToHaveCountAsync(CoordinatorFixture.SlotsPerSilo);
        await Expect(silos.First).ToContainTextAsync($"of {CoordinatorFixture.SlotsPerSilo} slots");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClusterPage_TwoSilos_GroupsThemByHostWithAddressStateLoadAndLastHeard()
    {
        var cluster = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/cluster");
        var host = cluster.GetProperty("silos")[0].GetProperty("host").GetString()!;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/cluster");

        var hosts = page.GetByTestId("host");
        await Expect(hosts).ToHaveCountAsync(1);
        await Expect(hosts.First).ToHaveAttributeAsync("data-host", host);
        foreach (var silo in cluster.GetProperty("silos").EnumerateArray())
        {
            var card = page.Locator($"[data-testid='silo'][data-silo='{silo.GetProperty("name").GetString()}']");
            await Expect(card).ToHaveAttributeAsync("data-state", "active");
            await Expect(card.GetByTestId("silo-address")).ToHaveTextAsync(silo.GetProperty("address").GetString()!);
            await Expect(card.GetByTestId("silo-state")).ToHaveTextAsync("active");
            await Expect(card.GetByTestId("silo-running")).ToContainTextAsync("synthetic");
            await Expect(card.GetByTestId("silo-standby")).ToHaveTextAsync(new Regex("^[0-9]+$"));
            await Expect(card.GetByTestId("silo-cpu")).ToHaveTextAsync(new Regex("^[0-9.]+ %$"));
            await Expect(card.GetByTestId("silo-memory")).ToHaveTextAsync(new Regex("^[0-9,]+ MB"));
            await Expect(card.GetByTestId("silo-heard")).ToHaveTextAsync(new Regex("^[0-9]+ s ago$"));
            await Expect(card.GetByTestId("drain")).ToBeEnabledAsync();
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DrainButton_ThenUndrain_TheSiloDrainsInTheDirectoryAndTakesTrialsAgain()
    {
        var name = (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/cluster")).GetProperty("silos")[0].GetProperty("name").GetString()!;
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync("/cluster");
            var card = page.Locator($"[data-testid='silo'][data-silo='{name}']");

            await card.GetByTestId("drain").ClickAsync();
            await Expect(card).ToHaveAttributeAsync("data-state", "draining");
            await Expect(page.GetByTestId("cluster-message")).ToContainTextAsync($"{name} drains");
            Assert.True(await IsDrainingAsync(name));

            await card.GetByTestId("undrain").ClickAsync();
            await Expect(card).ToHaveAttributeAsync("data-state", "active");
            Assert.False(await IsDrainingAsync(name));
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/cluster/silos/{Uri.EscapeDataString(name)}/undrain", null);
        }
    }

    [Fact]
    public async Task ClusterPage_ASiloLeaves_ListsItWithWhenItWasLastHeard()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/cluster");
        var extra = await fixture.Cluster.StartAdditionalSiloAsync();
        try
        {
            await Expect(page.Locator($"[data-testid='silo'][data-silo='{extra.Name}']")).ToHaveCountAsync(1);
        }
        finally
        {
            await fixture.Cluster.StopSiloAsync(extra);
        }

        var gone = page.Locator($"[data-testid='departed-silo'][data-silo='{extra.Name}']");
        await Expect(gone).ToHaveCountAsync(1);
        await Expect(gone.GetByTestId("departed-heard")).ToContainTextAsync(" UTC (");
        await Expect(page.Locator($"[data-testid='silo'][data-silo='{extra.Name}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<bool> IsDrainingAsync(string name) =>
        (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/cluster")).GetProperty("silos").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == name).GetProperty("draining").GetBoolean();
}
