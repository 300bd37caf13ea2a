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
}
