using System.Text.Json;

namespace HyperTune.Coordinator.Tests.Api;

[Collection(CoordinatorCollection.Name)]
public sealed class ClusterEndpointsTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task GetCluster_TwoSilos_ShowsBothWithTheirSlots()
    {
        var cluster = await fixture.Api.GetJsonAsync("/api/cluster");

        var silos = cluster.GetProperty("silos").EnumerateArray().ToArray();
        Assert.Equal(CoordinatorFixture.Silos, silos.Length);
        Assert.All(silos, s =>
        {
            Assert.Equal(CoordinatorFixture.SlotsPerSilo, s.GetProperty("slots").GetInt32());
            Assert.StartsWith("S127.0.0.1:", s.GetProperty("silo").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString()));
            Assert.Equal(s.GetProperty("slots").GetInt32(), s.GetProperty("used").GetInt32() + s.GetProperty("free").GetInt32());
        });
        Assert.Equal(CoordinatorFixture.Silos * CoordinatorFixture.SlotsPerSilo, cluster.GetProperty("totalSlots").GetInt32());
    }

    [Fact]
    public async Task GetCluster_TwoSilos_ShowsTheirSyntheticSlotsApart()
    {
        var syntheticSlots = new HyperTune.Grains.Training.TrainingHostOptions().SyntheticSlots;

        var cluster = await fixture.Api.GetJsonAsync("/api/cluster");

        Assert.All(cluster.GetProperty("silos").EnumerateArray(), s =>
        {
            Assert.Equal(syntheticSlots, s.GetProperty("syntheticSlots").GetInt32());
            Assert.InRange(s.GetProperty("syntheticUsed").GetInt32(), 0, syntheticSlots);
            Assert.Equal(JsonValueKind.Array, s.GetProperty("syntheticTrialIds").ValueKind);
        });
        Assert.Equal(CoordinatorFixture.Silos * syntheticSlots, cluster.GetProperty("totalSyntheticSlots").GetInt32());
        Assert.Equal(CoordinatorFixture.Silos * CoordinatorFixture.SlotsPerSilo, cluster.GetProperty("totalSlots").GetInt32());
    }
}
