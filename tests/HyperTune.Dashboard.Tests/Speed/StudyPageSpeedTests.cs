using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace HyperTune.Dashboard.Tests.Speed;

/// <summary>
/// Measures the study page with 1,000 and 10,000 trials × 100 epochs (synthetic studies fed from memory, so the numbers
/// are the dashboard's, not training's): the first full render (navigation to the charted curves, a page of rows and every
/// analysis panel drawn), then single-epoch updates of charted trials and one epoch of every trial at once, each timed from
/// the report to the moment the browser's DOM shows it, with how many curves an update redraws. Figures go to the test
/// output; the bounds asserted are loose (this is a 2-core machine running other things), the report carries the numbers.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class StudyPageSpeedTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int Epochs = 100;
    private const int Charted = 20;
    private const int SingleUpdates = 15;

    [Fact]
    public async Task StudyPage_1000TrialsBy100Epochs_RendersFirstQuicklyAndUpdatesIncrementally()
    {
        const int trials = 1000;
        var studyId = $"synthetic-{trials}x{Epochs}-{Guid.NewGuid():N}"[..40];
        var (page, render) = await FirstRenderAsync(studyId, trials);
        var domNodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        var charted = await page.Locator("[data-testid='loss-chart'] path.curve").EvaluateAllAsync<string[]>("paths => paths.map(p => p.dataset.trial)");

        // Count the curves each update touches.
        await page.EvaluateAsync("""
            () => {
              window.__touched = new Set();
              new MutationObserver(records => { for (const r of records) { const t = r.target; if (t.classList && t.classList.contains('curve')) window.__touched.add(t); } })
                .observe(document.body, { subtree: true, attributes: true, attributeFilter: ['d', 'data-points'] });
            }
            """);

        var single = new List<double>();
        var touched = new List<int>();
        for (var i = 0; i < SingleUpdates; i++)
        {
            var trialId = charted[i % charted.Length];
            var number = int.Parse(trialId[(trialId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
            await page.EvaluateAsync("() => window.__touched.clear()");
            var clock = Stopwatch.StartNew();
            var epoch = fixture.Synthetic.PushEpochs(studyId, [number])[0];
            await page.WaitForFunctionAsync("([id, n]) => document.querySelector(`[data-testid='loss-chart'] path.curve[data-trial='${id}']`)?.getAttribute('data-points') == n",
                new object[] { trialId, epoch.ToString(CultureInfo.InvariantCulture) }, new() { PollingInterval = 10 });
            clock.Stop();
            single.Add(clock.Elapsed.TotalMilliseconds);
            touched.Add(await page.EvaluateAsync<int>("() => window.__touched.size"));
        }

        await page.EvaluateAsync("() => window.__touched.clear()");
        var burst = Stopwatch.StartNew();
        fixture.Synthetic.PushEpochs(studyId, Enumerable.Range(1, trials));
        await page.WaitForFunctionAsync(
            "ids => ids.every(id => { const p = document.querySelector(`[data-testid='loss-chart'] path.curve[data-trial='${id}']`); return p && Number(p.getAttribute('data-points')) > 100; })",
            charted, new() { PollingInterval = 10 });
        burst.Stop();
        var burstTouched = await page.EvaluateAsync<int>("() => window.__touched.size");

        single.Sort();
        output.WriteLine($"study page, {trials} trials x {Epochs} epochs ({domNodes} DOM elements; curves read: {fixture.Synthetic.HistoryReads(studyId)})");
        output.WriteLine($"first render (navigation to {Charted} curves per chart, a page of rows and every analysis panel drawn): {render.TotalMilliseconds:0} ms");
        output.WriteLine($"one epoch of one charted trial, report to DOM: median {single[single.Count / 2]:0} ms, max {single[^1]:0} ms (refresh interval 300 ms); curves redrawn: {string.Join(",", touched)}");
        output.WriteLine($"one epoch of all {trials} trials at once, report to the charted curves in the DOM: {burst.Elapsed.TotalMilliseconds:0} ms; curves redrawn: {burstTouched}");

        Assert.InRange(single[single.Count / 2], 0, 1000);       // an epoch shows within a second
        Assert.True(touched.Count(t => t <= 4) >= SingleUpdates / 2, "one trial's epoch should redraw its own curves only");
        Assert.InRange(render.TotalSeconds, 0, 30);
        Assert.InRange(fixture.Synthetic.HistoryReads(studyId), Charted, 3 * Charted); // never every curve
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyPage_10000TrialsBy100Epochs_RendersFirstWithoutReadingEveryCurve()
    {
        const int trials = 10_000;
        var studyId = $"synthetic-{trials}x{Epochs}-{Guid.NewGuid():N}"[..40];
        var (page, render) = await FirstRenderAsync(studyId, trials);
        var domNodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");

        output.WriteLine($"study page, {trials} trials x {Epochs} epochs ({domNodes} DOM elements; curves read: {fixture.Synthetic.HistoryReads(studyId)})");
        output.WriteLine($"first render (navigation to {Charted} curves per chart, a page of rows and every analysis panel drawn): {render.TotalMilliseconds:0} ms");
        Assert.InRange(render.TotalSeconds, 0, 60);
        Assert.InRange(fixture.Synthetic.HistoryReads(studyId), Charted, 3 * Charted);
        await page.Context.CloseAsync();
    }

    /// <summary>Opens the study and times it until the charted curves, a page of rows and every analysis panel are drawn.</summary>
    private async Task<(IPage Page, TimeSpan Render)> FirstRenderAsync(string studyId, int trials)
    {
        _ = fixture.Synthetic.Watchers(studyId); // the synthetic study is made before the clock starts
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        var marks = Math.Min(trials, 1000);
        var render = Stopwatch.StartNew();
        await page.GotoAsync($"/studies/{studyId}");
        await page.WaitForFunctionAsync(
            "([charted, epochs, marks, trials]) => document.querySelectorAll(`[data-testid='lr-chart'] path.curve[data-points='${epochs}']`).length === charted"
            + " && document.querySelectorAll(\"[data-testid='trial-table'] tbody tr\").length === 50"
            + " && document.querySelectorAll(\"[data-testid='parallel-coordinates'] polyline\").length === marks"
            + " && document.querySelectorAll(\"[data-testid='optimization-history'] circle.dot\").length === marks"
            + " && document.querySelectorAll(\"[data-testid='slice'] circle.dot\").length === 3 * marks"
            + " && document.querySelectorAll(\"[data-testid='contour'] circle.dot\").length === marks"
            + " && document.querySelector(\"[data-testid='edf-line']\")?.getAttribute('data-points') == trials",
            new object[] { Charted, Epochs, marks, trials }, new() { PollingInterval = 20 });
        render.Stop();
        return (page, render.Elapsed);
    }
}
