using HyperTune.Silo.Hosting;
using HyperTune.Storage.Postgres;
using HyperTune.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class StoreClockCheckTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task CheckAsync_ClockAnHourAhead_StopsTheStartWithACriticalLogLine()
    {
        var logs = new ListLogger();
        var check = await CheckWithClockAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)), logs);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => check.CheckAsync(CancellationToken.None));

        Assert.Contains("HyperTune:Cluster:MaxClockSkew", error.Message, StringComparison.Ordinal);
        var line = Assert.Single(logs.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains("This silo's clock is -359", line.Text, StringComparison.Ordinal); // the store is an hour behind the fake clock, less the time since it was set
        Assert.Contains("synchronise the machines' clocks", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ClockInStep_Passes()
    {
        var logs = new ListLogger();
        var check = await CheckWithClockAsync(TimeProvider.System, logs);

        await check.CheckAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains(logs.Lines, l => l.Text.Contains("limit 5 s", StringComparison.Ordinal));
    }

    private async Task<StoreClockCheck> CheckWithClockAsync(TimeProvider time, ListLogger logs) =>
        new(new PostgresDatabase(await server.CreateDatabaseAsync("clock")), Options.Create(new SiloClusterOptions()), time, logs);

    private sealed class ListLogger : ILogger<StoreClockCheck>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
