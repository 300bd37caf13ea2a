using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Grains.Diagnostics;
using HyperTune.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HyperTune.Dashboard.Tests.Telemetry;

/// <summary>
/// HyperTune's metrics and trial spans, read through OpenTelemetry (the names ServiceDefaults exports, an in-memory
/// exporter) while a study runs on the test cluster — what the Aspire dashboard shows.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class HyperTuneTelemetryTests(DashboardFixture fixture)
{
    private const int Trials = 3;
    private const int Epochs = 4;

    [Fact]
    public async Task Study_Running_RecordsHyperTuneMetricsAndOneSpanPerTrial()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryNames.HyperTuneMeter).AddInMemoryExporter(metrics).Build();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(TelemetryNames.HyperTuneSource).AddInMemoryExporter(spans).Build();

        var spec = $$"""
            { "name": "telemetry", "dataset": {"kind": "blobs", "samples": 200},
              "search_space": { "learning_rate": {"type": "choice", "values": [0.01, 0.02, 0.05]}, "hidden_units": 8, "hidden_layers": 1 },
              "searcher": {"kind": "grid"},
              "budget": {"max_trials": {{Trials}}, "max_concurrent_trials": 2, "max_epochs_per_trial": {{Epochs}}},
              "checkpoint_interval": 2, "seed": 5 }
            """;
        using var created = await fixture.Api.PostAsync("/api/studies", new StringContent(spec, Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var studyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;
        await ReadEventsToEndAsync(studyId); // the stream ends when the study has finished

        meters.ForceFlush();
        Assert.InRange(Sum(metrics, InstrumentNames.Epochs), Trials * Epochs, long.MaxValue);
        Assert.InRange(Sum(metrics, InstrumentNames.Results), Trials * Epochs, long.MaxValue);
        Assert.InRange(Sum(metrics, InstrumentNames.CheckpointBytes), 1, long.MaxValue);
        Assert.InRange(Sum(metrics, InstrumentNames.TrialsFinished, ("status", "Completed")), Trials, long.MaxValue);
        Assert.Contains(metrics, m => m.Name == InstrumentNames.TrialsRunning);

        tracer.ForceFlush();
        var trialSpans = spans.Where(s => s.OperationName == TrialActivities.TrialActivityName && (string?)s.GetTagItem("hypertune.study.id") == studyId).ToList();
        Assert.Equal(Trials, trialSpans.Count);
        Assert.All(trialSpans, s =>
        {
            Assert.Equal("Completed", s.GetTagItem("hypertune.trial.state"));
            Assert.Equal(Epochs, s.GetTagItem("hypertune.trial.epochs"));
            Assert.StartsWith(studyId + "-", (string?)s.GetTagItem("hypertune.trial.id"), StringComparison.Ordinal);
            Assert.True(s.Duration > TimeSpan.Zero);
            Assert.Equal(Epochs, s.Events.Count(e => e.Name == "epoch"));
        });

        // One trace per study: its hypertune.study span, with every trial's span a child of it.
        var study = Assert.Single(spans, s => s.OperationName == TrialActivities.StudyActivityName && (string?)s.GetTagItem("hypertune.study.id") == studyId);
        Assert.All(trialSpans, s => Assert.Equal((study.TraceId, study.SpanId), (s.TraceId, s.ParentSpanId)));
    }

    private async Task ReadEventsToEndAsync(string studyId)
    {
        using var response = await fixture.Api.GetAsync($"/api/studies/{studyId}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is not null)
        {
        }
    }

    private static long Sum(List<Metric> metrics, string name, (string Key, string Value)? tag = null)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (tag is { } wanted)
                {
                    var match = false;
                    foreach (var t in point.Tags)
                    {
                        match |= t.Key == wanted.Key && Equals(t.Value, wanted.Value);
                    }

                    if (!match)
                    {
                        continue;
                    }
                }

                sum += point.GetSumLong();
            }
        }

        return sum;
    }
}
