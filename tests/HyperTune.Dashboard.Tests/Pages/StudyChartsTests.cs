using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

/// <summary>
/// The study page's charts on synthetic studies (<see cref="SyntheticStudySource"/>: 30 trials × 40 epochs, trials 5, 10,
/// … pruned at epoch 13, trial 3 diverged, momentum the same everywhere): hover, filter and sort, brushing, the analysis
/// panels' marks, log scale, clipping, the x range and on-demand curves.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class StudyChartsTests(DashboardFixture fixture)
{
    private const int Trials = 30;
    private const int Epochs = 40;
    private const int Pruned = Trials / 5;
    private const int SgdTrials = Trials / 4; // optimizer = n % 4 == 0: trials 4, 8, …, 28

    [Fact]
    public async Task Charts_HoverACurve_TooltipNamesTheTrialItsValueAndKeyHyperparametersAndAClickOpensIt()
    {
        var (page, studyId) = await OpenAsync();
        // Among the curves drawn to their last epoch (a pruned trial's ends early, and a curve may still be loading), the
        // one whose last point lies farthest from every other curve's points: nothing else is nearer to it.
        var trialId = await page.EvaluateAsync<string>("""
            epochs => {
              const paths = [...document.querySelectorAll("[data-testid='loss-chart'] path.curve")];
              const points = paths.map(p => [...p.getAttribute('d').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map(m => [+m[1], +m[2]]));
              let best = null, bestGap = -1;
              paths.forEach((p, i) => {
                if (+p.dataset.points !== epochs) return;
                const [x, y] = points[i][points[i].length - 1];
                const gap = Math.min(...points.flatMap((other, j) => j === i ? [] : other.map(([ox, oy]) => Math.hypot(ox - x, oy - y))));
                if (gap > bestGap) { bestGap = gap; best = p.dataset.trial; }
              });
              return best;
            }
            """, Epochs);
        var number = Number(trialId);

        await HoverVertexAsync(page, $"[data-testid='loss-chart'] path.curve[data-trial='{trialId}']", -1);

        var tooltip = page.GetByTestId("chart-tooltip");
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync($"#{number} ");
        await Expect(tooltip).ToContainTextAsync($"epoch {Epochs} · val_loss ");
        await Expect(tooltip).ToContainTextAsync("learning_rate=");
        await Expect(tooltip).ToContainTextAsync("optimizer=");
        Assert.DoesNotContain("momentum", await tooltip.TextContentAsync() ?? "", StringComparison.Ordinal); // constant: no key parameter
        await page.ScreenshotAsync(new() { Path = RangeTestPageTests.Screenshot("study-page-tooltip.png") });

        await HoverVertexAsync(page, $"[data-testid='loss-chart'] path.curve[data-trial='{trialId}']", -1);
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
        await page.WaitForURLAsync($"**/trials/{trialId}");
        await Expect(page.GetByTestId("trial-epoch")).ToHaveTextAsync(Epochs.ToString(CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
        _ = studyId;
    }

    [Fact]
    public async Task Charts_HoverATableRow_HighlightsThatTrialsCurves()
    {
        var (page, _) = await OpenAsync();
        var trialId = await page.Locator("[data-testid='loss-chart'] path.curve").Nth(3).GetAttributeAsync("data-trial");

        await page.Locator($"[data-testid='trial-table'] tr[data-trial='{trialId}'] td").Nth(1).HoverAsync();

        await page.WaitForFunctionAsync(
            "id => getComputedStyle(document.querySelector(`[data-testid='loss-chart'] path.curve[data-trial='${id}']`)).strokeWidth === '3px'", trialId);
        var other = await page.EvaluateAsync<string>(
            "id => getComputedStyle([...document.querySelectorAll(\"[data-testid='loss-chart'] path.curve\")].find(p => p.dataset.trial !== id)).strokeOpacity", trialId);
        Assert.True(double.Parse(other, CultureInfo.InvariantCulture) < 0.5, other);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Charts_TableFilteredAndSorted_DrawTheTopRowsOfTheFilter()
    {
        var (page, studyId) = await OpenAsync();
        var curves = page.Locator("[data-testid='loss-chart'] path.curve");

        await page.GetByTestId("trial-filter").FillAsync("optimizer=sgd");
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr")).ToHaveCountAsync(SgdTrials);
        await Expect(curves).ToHaveCountAsync(SgdTrials);
        foreach (var id in await TrialsAsync(curves))
        {
            Assert.Equal(0, Number(id) % 4);
        }

        await page.GetByTestId("trial-filter").FillAsync("");
        await page.GetByTestId("trial-state-filter").SelectOptionAsync("Pruned");
        await Expect(curves).ToHaveCountAsync(Pruned);
        Assert.All(await TrialsAsync(curves), id => Assert.Equal(0, Number(id) % 5));

        // By default the charts draw the best by the objective; sorted by a column, the first rows.
        await page.GetByTestId("trial-state-filter").SelectOptionAsync("");
        await page.GetByTestId("top-k").SelectOptionAsync("5");
        await Expect(curves).ToHaveCountAsync(5);
        var best = Enumerable.Range(1, Trials).OrderByDescending(n => SyntheticStudySource.BestAccuracy(n, SyntheticStudySource.IsPruned(n) ? Epochs / 3 : Epochs)).Take(5).Order();
        Assert.Equal(best, (await TrialsAsync(curves)).Select(Number).Order());

        await page.Locator("[data-testid='trial-table'] th[data-column='#']").ClickAsync(); // # descending: still the best
        await page.Locator("[data-testid='trial-table'] th[data-column='epoch']").ClickAsync();
        await Expect(page.Locator("[data-testid='trial-table'] th[data-column='epoch']")).ToHaveClassAsync("sorted asc");
        var firstRows = await page.Locator("[data-testid='trial-table'] tbody tr").EvaluateAllAsync<string[]>("rows => rows.slice(0, 5).map(r => r.dataset.trial)");
        await page.WaitForFunctionAsync(
            "ids => { const drawn = [...document.querySelectorAll(\"[data-testid='loss-chart'] path.curve\")].map(p => p.dataset.trial).sort(); return JSON.stringify(drawn) === JSON.stringify([...ids].sort()); }",
            firstRows);
        Assert.All(firstRows, id => Assert.True(SyntheticStudySource.IsPruned(Number(id)), id)); // the fewest epochs: pruned ones
        await page.Context.CloseAsync();
        _ = studyId;
    }

    [Fact]
    public async Task ParallelCoordinates_DragOnAnAxis_FiltersTheTableAndCurvesAndAClickClearsIt()
    {
        var (page, _) = await OpenAsync();
        var axis = page.Locator("[data-testid='pc-axis'][data-axis='optimizer']");
        await axis.ScrollIntoViewIfNeededAsync();
        var box = (await axis.BoundingBoxAsync())!;

        // Categories in order adam, adamw, rmsprop, sgd from the bottom: the top fifth holds sgd alone.
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height * 0.1f, new() { Steps = 4 });
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height * 0.2f, new() { Steps = 4 });
        await page.Mouse.UpAsync();

        await Expect(page.GetByTestId("pc-brush")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr")).ToHaveCountAsync(SgdTrials);
        await Expect(page.Locator("[data-testid='loss-chart'] path.curve")).ToHaveCountAsync(SgdTrials);
        await Expect(page.Locator("[data-testid='parallel-coordinates'] polyline[data-in='true']")).ToHaveCountAsync(SgdTrials);
        await Expect(page.Locator("[data-testid='parallel-coordinates'] polyline")).ToHaveCountAsync(Trials);
        Assert.All(await TrialsAsync(page.Locator("[data-testid='trial-table'] tbody tr")), id => Assert.Equal(0, Number(id) % 4));
        await page.ScreenshotAsync(new() { Path = RangeTestPageTests.Screenshot("study-page-brushed.png"), FullPage = true });

        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Expect(page.GetByTestId("pc-brush")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr")).ToHaveCountAsync(Trials);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnalysisPanels_KnownStudy_DrawOneMarkPerTrialAndLeaveOutTheConstantHyperparameter()
    {
        var (page, _) = await OpenAsync();

        await Expect(page.Locator("[data-testid='optimization-history'] circle.dot")).ToHaveCountAsync(Trials);
        await Expect(page.GetByTestId("best-so-far")).ToHaveAttributeAsync("data-points", $"{Trials}");
        await Expect(page.Locator("[data-testid='intermediate-values'] path.curve")).ToHaveCountAsync(Trials);
        await Expect(page.Locator("[data-testid='intermediate-values'] path.curve.dim")).ToHaveCountAsync(Pruned);
        await Expect(page.Locator("[data-testid='intermediate-values'] [data-testid='prune-mark']")).ToHaveCountAsync(Pruned);
        await Expect(page.Locator("[data-testid='intermediate-values'] path.curve.dim").First).ToHaveAttributeAsync("data-points", $"{Epochs / 3}");
        await Expect(page.GetByTestId("edf-line")).ToHaveAttributeAsync("data-points", $"{Trials}");
        await Expect(page.GetByTestId("slice")).ToHaveCountAsync(3);
        foreach (var name in new[] { "learning_rate", "optimizer", "hidden_units" })
        {
            await Expect(page.Locator($"[data-testid='slice'][data-parameter='{name}'] circle.dot")).ToHaveCountAsync(Trials);
        }

        await Expect(page.Locator("[data-testid='slice'][data-parameter='learning_rate'] text", new() { HasTextString = "learning_rate (log)" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='contour'] circle.dot")).ToHaveCountAsync(Trials);
        Assert.InRange(await page.Locator("[data-testid='contour'] rect.cell").CountAsync(), 1, 20 * 20);
        await Expect(page.Locator("[data-testid='parallel-coordinates'] polyline")).ToHaveCountAsync(Trials);
        await Expect(page.GetByTestId("pc-axis")).ToHaveCountAsync(4); // three that vary and the objective
        await Expect(page.Locator("[data-testid='pc-axis'][data-axis='momentum']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("parallel-coordinates")).ToContainTextAsync("Left out, the same in every trial: momentum");
        await Expect(page.Locator("[data-testid='importance'] tr[data-parameter]")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("importance-method")).ToContainTextAsync("explains on its own");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CurveCharts_DivergedTrial_ClipsItsTailKeepsTheXRangeToTheDataAndSwitchToLogY()
    {
        var (page, studyId) = await OpenAsync();
        await page.Locator($"[data-testid='trial-table'] tr[data-trial='{studyId}-0003'] [data-testid='pin']").CheckAsync();
        var loss = page.GetByTestId("loss-chart");

        await Expect(loss.Locator($"[data-testid='clip-mark'][data-trial='{studyId}-0003']")).ToHaveCountAsync(1);
        await Expect(loss.GetByTestId("clipped-note")).ToBeVisibleAsync();
        var yLabels = await loss.Locator("text.y-tick").AllTextContentsAsync();
        var top = yLabels.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).Where(double.IsFinite).Max();
        Assert.InRange(top, 1, 10); // the body of the curves (losses up to 2.3), not the diverged 200+
        // The x axis ends at the longest curve (40 epochs), not at the budget's 90.
        Assert.Equal($"{Epochs}", (await loss.Locator("text.x-tick").AllTextContentsAsync()).Last());

        await page.GetByTestId("log-y").CheckAsync();
        await Expect(loss.Locator("svg")).ToHaveAttributeAsync("data-log-y", "true");
        await Expect(loss.Locator("text.y-tick", new() { HasTextString = "1e0" })).ToHaveCountAsync(1);

        // Readable at 1400 px: tick labels draw at 11 px or more.
        var pixels = await page.EvaluateAsync<double>(
            "() => { const t = document.querySelector(\"[data-testid='loss-chart'] text.tick\"); return parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a; }");
        Assert.True(pixels >= 11, $"{pixels:0.0} px");

        // Smoothing redraws the curves from their moving average, with the raw line faint behind.
        var before = await loss.Locator($"path.curve[data-trial='{studyId}-0001']").GetAttributeAsync("d");
        await page.GetByTestId("smoothing").FillAsync("0.9");
        await Expect(loss.Locator("path.raw-trace").First).ToBeAttachedAsync();
        Assert.NotEqual(before, await loss.Locator($"path.curve[data-trial='{studyId}-0001']").GetAttributeAsync("d"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyPage_LargeStudy_ReadsOnlyTheChartedCurvesAndFetchesAHoveredOneOnDemand()
    {
        var (page, studyId) = await OpenAsync(trials: 300, epochs: 20);
        var reads = fixture.Synthetic.HistoryReads(studyId);
        Assert.InRange(reads, 20, 60); // the 20 charted, not 300

        // Trial 1 is far from the best 20; hovering its row draws its curve.
        await page.GetByTestId("trial-filter").FillAsync($"{studyId}-0001");
        await page.GetByTestId("trial-filter").FillAsync("");
        await page.Locator($"[data-testid='trial-table'] tr[data-trial='{studyId}-0001'] td").Nth(1).HoverAsync();
        await Expect(page.Locator($"[data-testid='loss-chart'] path.curve[data-trial='{studyId}-0001']")).ToHaveAttributeAsync("data-points", "20");
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr")).ToHaveCountAsync(50); // one page of rows
        await Expect(page.GetByTestId("page-label")).ToHaveTextAsync("page 1 of 6");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyPage_FailedStudyWithAWaitingTrial_ShowsTheFailureAndTheTrialAsWaitingNotRunning()
    {
        var studyId = $"synthetic-6x10-failed-{Guid.NewGuid():N}"[..40];
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/studies/{studyId}");

        await Expect(page.GetByTestId("study-state")).ToHaveTextAsync("Failed");
        await Expect(page.GetByTestId("study-failure")).ToContainTextAsync("its learning-rate range test failed: the dataset has no rows");
        var waiting = page.Locator($"[data-testid='trial-table'] tr[data-trial='{studyId}-0006'] .state");
        await Expect(waiting).ToHaveTextAsync("Pending");
        await Expect(waiting).ToHaveClassAsync("state pending");
        Assert.NotEqual(
            await waiting.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"),
            await page.Locator($"[data-testid='trial-table'] tr[data-trial='{studyId}-0001'] .state").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await Expect(page.GetByTestId("budget")).ToContainTextAsync("1 waiting for a slot");
        await page.Context.CloseAsync();
    }

    private async Task<(IPage Page, string StudyId)> OpenAsync(int trials = Trials, int epochs = Epochs)
    {
        var studyId = $"synthetic-{trials}x{epochs}-{Guid.NewGuid():N}"[..40];
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync($"/studies/{studyId}");
        await Expect(page.Locator("[data-testid='loss-chart'] path.curve")).ToHaveCountAsync(Math.Min(20, trials));
        await Expect(page.Locator($"[data-testid='loss-chart'] path.curve[data-points='{epochs}']").First).ToBeAttachedAsync();
        await Expect(page.Locator("[data-testid='optimization-history'] circle.dot")).ToHaveCountAsync(trials);
        await Expect(page.Locator("[data-testid='left-metric'] option")).ToHaveCountAsync(3); // train_loss, val_accuracy, val_loss
        await Expect(page.GetByTestId("left-metric")).ToHaveValueAsync("val_loss");
        return (page, studyId);
    }

    /// <summary>Moves the mouse onto vertex <paramref name="index"/> (negative: from the end) of the path <paramref name="selector"/>.</summary>
    private static async Task HoverVertexAsync(IPage page, string selector, int index)
    {
        await page.Locator(selector).ScrollIntoViewIfNeededAsync();
        var at = await page.EvaluateAsync<double[]>("""
            ([selector, index]) => {
              const path = document.querySelector(selector);
              const vertices = [...path.getAttribute('d').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)];
              const v = vertices[index < 0 ? vertices.length + index : index];
              const p = new DOMPoint(+v[1], +v[2]).matrixTransform(path.ownerSVGElement.getScreenCTM());
              return [p.x, p.y];
            }
            """, new object[] { selector, index });
        await page.Mouse.MoveAsync((float)at[0] - 3, (float)at[1] + 3);
        await page.Mouse.MoveAsync((float)at[0], (float)at[1]);
    }

    private static async Task<string[]> TrialsAsync(ILocator elements) => await elements.EvaluateAllAsync<string[]>("list => list.map(e => e.dataset.trial)");

    private static int Number(string trialId) => int.Parse(trialId[(trialId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
}
