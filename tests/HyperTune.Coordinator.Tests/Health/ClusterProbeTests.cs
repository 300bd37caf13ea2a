using HyperTune.Coordinator.Health;
using HyperTune.Coordinator.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Coordinator.Tests.Health;

public sealed class ClusterProbeTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeClusterPing _ping = new();
    private readonly ClusterProbe _probe;

    public ClusterProbeTests() => _probe = new ClusterProbe(_ping, Options.Create(new CoordinatorClusterOptions()), _time);

    [Fact]
    public async Task Probe_ClusterAnswers_CountsItsSilos()
    {
        var result = await _probe.ProbeAsync();

        Assert.Equal(new ClusterProbeResult(2, null), result);
    }

    [Fact]
    public async Task Probe_AgainWithinTheInterval_SharesTheLastCall()
    {
        await _probe.ProbeAsync();
        _time.Advance(TimeSpan.FromSeconds(1.9));

        await _probe.ProbeAsync();

        Assert.Equal(1, _ping.Calls);
    }

    [Fact]
    public async Task Probe_AfterTheInterval_CallsAgain()
    {
        await _probe.ProbeAsync();
        _time.Advance(TimeSpan.FromSeconds(2));

        await _probe.ProbeAsync();

        Assert.Equal(2, _ping.Calls);
    }

    [Fact]
    public async Task Probe_WhileOneRuns_SharesIt()
    {
        var answer = new TaskCompletionSource<int>();
        _ping.Answer = () => answer.Task;

        var first = _probe.ProbeAsync();
        _time.Advance(TimeSpan.FromSeconds(3));
        var second = _probe.ProbeAsync();
        answer.SetResult(3);

        Assert.Same(first, second);
        Assert.Equal(3, (await second).ActiveSilos);
        Assert.Equal(1, _ping.Calls);
    }

    [Fact]
    public async Task Probe_NoAnswerWithinTheTimeout_FailsWithATimeout()
    {
        _ping.Answer = () => new TaskCompletionSource<int>().Task;

        var probing = _probe.ProbeAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await probing;

        Assert.Equal(0, result.ActiveSilos);
        Assert.IsType<TimeoutException>(result.Failure);
    }

    [Fact]
    public async Task Probe_CallFails_ReportsTheFailure()
    {
        _ping.Answer = () => Task.FromException<int>(new SiloUnavailableException("gone"));

        var result = await _probe.ProbeAsync();

        Assert.IsType<SiloUnavailableException>(result.Failure);
    }
}
