using HyperTune.Cli.Tests.Fakes;

namespace HyperTune.Cli.Tests.Commands;

public sealed class ClusterCommandTests
{
    [Fact]
    public async Task Cluster_Silos_PrintsSlotsAndTrialsPerSilo()
    {
        const string Cluster = """
            { "silos": [
                { "silo": "S127.0.0.1:11111:1", "name": "silo-a", "slots": 2, "used": 2, "free": 0, "trialIds": ["s1-0001", "s1-0002"] },
                { "silo": "S127.0.0.1:11112:1", "name": "silo-b", "slots": 2, "used": 0, "free": 2, "trialIds": [] } ],
              "totalSlots": 4, "freeSlots": 2 }
            """;
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", Cluster);

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "SILO                NAME    SLOTS  USED  FREE  TRIALS",
                "S127.0.0.1:11111:1  silo-a  2      2     0     s1-0001, s1-0002",
                "S127.0.0.1:11112:1  silo-b  2      0     2     -",
                "2 silo(s), 4 slot(s): 2 used, 2 free",
            ],
            result.OutLines);
        Assert.Equal("GET /api/cluster", server.SingleRequest.ToString());
    }

    [Fact]
    public async Task Cluster_WithSyntheticSlots_ShowsThemUsedOfAll()
    {
        const string Cluster = """
            { "silos": [
                { "silo": "S127.0.0.1:11111:1", "name": "silo-a", "slots": 2, "used": 0, "free": 2, "trialIds": [],
                  "syntheticSlots": 16, "syntheticUsed": 3, "syntheticTrialIds": ["s1-0001", "s1-0002", "s1-0003"] },
                { "silo": "S127.0.0.1:11112:1", "name": "silo-b", "slots": 2, "used": 1, "free": 1, "trialIds": ["s2-0001"],
                  "syntheticSlots": 16, "syntheticUsed": 0, "syntheticTrialIds": [] } ],
              "totalSlots": 4, "freeSlots": 3, "totalSyntheticSlots": 32, "freeSyntheticSlots": 29 }
            """;
        var server = new FakeHyperTuneServer().OnJson("GET", "/api/cluster", Cluster);

        var result = await CliHarness.RunAsync(server, "cluster");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "SILO                NAME    SLOTS  USED  FREE  SYNTHETIC  TRIALS",
                "S127.0.0.1:11111:1  silo-a  2      0     2     3/16       -",
                "S127.0.0.1:11112:1  silo-b  2      1     1     0/16       s2-0001",
                "2 silo(s), 4 slot(s): 1 used, 3 free; 32 synthetic slot(s): 3 used",
            ],
            result.OutLines);
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
