using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed class ClusterCommandTests
{
    [Fact]
    public async Task Cluster_SilosOnTwoHosts_PrintsEachByHostWithLoadDrainAndTheDeparted()
    {
        const string Cluster = """
            { "silos": [
                { "silo": "S10.0.0.12:11111:1", "name": "b0", "slots": 2, "used": 0, "free": 2, "trialIds": [], "address": "10.0.0.12:11111",
                  "host": "hostb", "standby": 0, "running": 0, "paused": 0, "waiting": 0, "draining": true, "cpuPercent": 12.4, "memoryBytes": 314572800, "machineMemoryBytes": 8589934592, "lastHeardSecondsAgo": 3.2 },
                { "silo": "S10.0.0.11:11111:1", "name": "a0", "slots": 2, "used": 2, "free": 0, "trialIds": ["s1-0001", "s1-0002", "s1-0003"], "address": "10.0.0.11:11111",
                  "host": "hosta", "standby": 1, "running": 1, "paused": 1, "waiting": 1, "waitingTrialIds": ["s1-0003"], "draining": false, "cpuPercent": 97, "memoryBytes": 524288000, "lastHeardSecondsAgo": 1 } ],
              "totalSlots": 4, "freeSlots": 2,
              "departed": [ { "silo": "S10.0.0.12:11112:1", "name": "b1", "host": "hostb", "address": "10.0.0.12:11112", "how": "dead", "lastHeard": "2026-12-06T11:58:00+00:00" } ] }
            """;
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", Cluster);

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.StartsWith("HOST   SILO  ADDRESS          STATE     SLOTS  RUNNING        WAITING  CPU  MEMORY", lines[0], StringComparison.Ordinal);
        string[] hostA = ["hosta", "a0", "10.0.0.11:11111", "active", "2/2", "1 (+1 paused)", "97%", "500 MB", "1 s ago", "s1-0001, s1-0002, s1-0003 (waiting)"];
        string[] hostB = ["hostb", "b0", "10.0.0.12:11111", "draining", "0/2", "12%", "300 MB of 8 GB", "3 s ago"];
        Assert.All(hostA, cell => Assert.Contains(cell, lines[1], StringComparison.Ordinal));
        Assert.All(hostB, cell => Assert.Contains(cell, lines[2], StringComparison.Ordinal));
        Assert.Matches(@"\s1\s+97%", lines[1]); // one trial waits on a0
        Assert.Equal("2 host(s), 2 silo(s) (1 draining), 4 slot(s): 2 used, 2 free, 1 trial(s) waiting for a slot", lines[3]);
        Assert.Equal("Left or declared dead:", lines[4]);
        Assert.StartsWith("hostb  b1    10.0.0.12:11112  2026-12-06", lines[6], StringComparison.Ordinal);
        Assert.Equal("GET /api/cluster", server.SingleRequest.ToString());
    }

    [Fact]
    public async Task ClusterDrain_Silo_PostsTheDrainAndSaysWhatHappens()
    {
        var server = new FakeHyperTuneServer().OnJson("POST", "/api/cluster/silos/a0/drain", """
            { "silo": "S10.0.0.11:11111:1", "name": "a0", "slots": 2, "used": 2, "free": 0, "trialIds": ["s1-0001", "s1-0002"], "address": "10.0.0.11:11111", "draining": true }
            """);

        var result = await CliHarness.RunAsync(server, "cluster", "drain", "a0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Silo a0 (10.0.0.11:11111) drains: it takes no new trials; its 2 trial(s) move to other silos from their next checkpoint."], result.OutLines);
        Assert.Equal("POST /api/cluster/silos/a0/drain", server.SingleRequest.ToString());
    }

    [Fact]
    public async Task Cluster_ServerThatTellsNoStates_ShowsItsStandbyCountAsWaiting()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", """
            { "silos": [ { "silo": "S10.0.0.11:11111:1", "name": "a0", "slots": 1, "used": 1, "free": 0, "trialIds": ["s1-0001", "s1-0002"], "standby": 1 } ],
              "totalSlots": 1, "freeSlots": 0 }
            """);

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"1/1\s+-\s+1\s", result.OutLines[1]);
        Assert.EndsWith("1 trial(s) waiting for a slot", result.OutLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_NoSilos_SaysSo()
    {
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", """{ "silos": [], "totalSlots": 0, "freeSlots": 0 }""");

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["No silo offers training slots."], result.OutLines);
    }
}
