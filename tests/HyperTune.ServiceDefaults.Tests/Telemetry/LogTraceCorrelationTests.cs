using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace HyperTune.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// Logs and traces as ServiceDefaults wires them: a log entry written inside a HyperTune span (a trial's) is exported
/// with that span's trace and span ids, so the Aspire dashboard shows a trial's logs in its trace.
/// </summary>
public sealed partial class LogTraceCorrelationTests
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Trial {TrialId} finished epoch {Epoch}")]
    private static partial void EpochDone(ILogger logger, string trialId, int epoch);

    [Fact]
    public async Task LogInsideATrialSpan_IsExportedWithItsTraceAndSpanIds_AndALogOutsideWithNone()
    {
        var records = new List<LogRecord>();
        var builder = Host.CreateApplicationBuilder();
        builder.ConfigureOpenTelemetry();
        builder.Services.AddOpenTelemetry().WithLogging(logging => logging.AddInMemoryExporter(records));
        using var host = builder.Build();
        await host.StartAsync();
        _ = host.Services.GetRequiredService<TracerProvider>(); // ServiceDefaults' tracing listens to the HyperTune source from here on
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HyperTune.Grains");
        using var source = new ActivitySource(TelemetryNames.HyperTuneSource);

        Activity? trial;
        using (trial = source.StartActivity("hypertune.trial"))
        {
            Assert.NotNull(trial); // the source is traced (and sampled) by ServiceDefaults
            EpochDone(logger, "s-0001", 3);
        }

        Assert.Null(Activity.Current);
        EpochDone(logger, "s-0001", 4);
        host.Services.GetRequiredService<LoggerProvider>().ForceFlush();
        await host.StopAsync();

        var inside = Assert.Single(records, r => r.Attributes!.Any(a => a.Key == "Epoch" && Equals(a.Value, 3)));
        Assert.Equal((trial.TraceId, trial.SpanId), (inside.TraceId, inside.SpanId));
        Assert.Equal("Trial s-0001 finished epoch 3", inside.FormattedMessage);
        var outside = Assert.Single(records, r => r.Attributes!.Any(a => a.Key == "Epoch" && Equals(a.Value, 4)));
        Assert.Equal(default, outside.TraceId);
    }
}
