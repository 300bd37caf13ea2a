using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace HyperTune.Dashboard.Tests.Speed;

/// <summary>
/// Measures the study page with 200 trials × 100 epochs (a synthetic study fed from memory, so the numbers are the
/// dashboard's, not training's): the first full render, then single-epoch and all-trials updates, each timed from the
/// report to the moment the browser's DOM shows it, and how many curves an update redraws. Figures go to the test output;
/// the bounds asserted are loose (this is a 2-core machine running other things), the report carries the numbers.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class StudyPageSpeedTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int Trials = 200;
    private const int Epochs = 100;
    private const int SingleUpdates = 15;

    [Fact]
    public async Task StudyPage_200TrialsBy100Epochs_RendersOnceAndUpdatesIncrementally()
    {
        var studyId = $"synthetic-{Trials}x{Epochs}-{Guid.NewGuid():N}"[..40];
        var page = await fixture.NewPageAsync();

        var render = Stopwatch.StartNew();
        await page.GotoAsync($"/studies/{studyId}");
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll(\"[data-testid='lr-chart'] path.curve[data-points='100']\").length === n"
            + " && document.querySelectorAll(\"[data-testid='trial-table'] tbody tr\").length === n"
            + " && document.querySelectorAll(\"[data-testid='parallel-coordinates'] polyline\").length === n",
            Trials, new() { PollingInterval = 20 });
        render.Stop();
        var paths = await page.EvaluateAsync<int>("() => document.querySelectorAll('path.curve').length");
        var domNodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");

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
            var trial = 1 + (i * 37 % Trials);
            await page.EvaluateAsync("() => window.__touched.clear()");
            var clock = Stopwatch.StartNew();
            var epoch = fixture.Synthetic.PushEpochs(studyId, [trial])[0];
            await page.WaitForFunctionAsync("([id, n]) => document.querySelector(`[data-testid='loss-chart'] path.curve[data-trial='${id}']`)?.getAttribute('data-points') == n",
                new object[] { $"{studyId}-{trial:D4}", epoch.ToString(CultureInfo.InvariantCulture) },
                new() { PollingInterval = 10 });
            clock.Stop();
            single.Add(clock.Elapsed.TotalMilliseconds);
            touched.Add(await page.EvaluateAsync<int>("() => window.__touched.size"));
        }

        await page.EvaluateAsync("() => window.__touched.clear()");
        var burst = Stopwatch.StartNew();
        var epochs = fixture.Synthetic.PushEpochs(studyId, Enumerable.Range(1, Trials));
        await page.WaitForFunctionAsync(
            "total => [...document.querySelectorAll(\"[data-testid='loss-chart'] path.curve\")].reduce((sum, p) => sum + Number(p.getAttribute('data-points')), 0) === total",
            epochs.Sum(), new() { PollingInterval = 10 });
        burst.Stop();
        var burstTouched = await page.EvaluateAsync<int>("() => window.__touched.size");

        single.Sort();
        output.WriteLine($"study page, {Trials} trials x {Epochs} epochs ({paths} curves, {domNodes} DOM elements)");
        output.WriteLine($"first render (navigation to every curve, row and line drawn): {render.Elapsed.TotalMilliseconds:0} ms");
        output.WriteLine($"one epoch of one trial, report to DOM: median {single[single.Count / 2]:0} ms, max {single[^1]:0} ms (refresh interval 300 ms); curves redrawn: {string.Join(",", touched)}");
        output.WriteLine($"one epoch of all {Trials} trials at once, report to DOM: {burst.Elapsed.TotalMilliseconds:0} ms; curves redrawn: {burstTouched}");

        Assert.InRange(single[single.Count / 2], 0, 1000);       // an epoch shows within a second
        Assert.True(touched.Count(t => t <= 3) >= SingleUpdates / 2, "one trial's epoch should redraw its own curves only");
        Assert.InRange(render.Elapsed.TotalSeconds, 0, 30);
        await page.Context.CloseAsync();
    }
}
