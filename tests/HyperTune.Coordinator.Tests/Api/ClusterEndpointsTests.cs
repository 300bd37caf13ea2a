using System.Net;
using System.Net.Http.Headers;
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

    [Fact]
    public async Task GetCluster_TwoSilos_ShowsWhereEachRunsItsStateAndLoad()
    {
        var cluster = await fixture.Api.GetJsonAsync("/api/cluster");

        Assert.All(cluster.GetProperty("silos").EnumerateArray(), s =>
        {
            Assert.StartsWith("127.0.0.1:", s.GetProperty("address").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("host").GetString()));
            Assert.False(s.GetProperty("draining").GetBoolean());
            Assert.InRange(s.GetProperty("standby").GetInt32(), 0, 2);
            Assert.InRange(s.GetProperty("lastHeardSecondsAgo").GetDouble(), 0, 600);
            Assert.Equal(JsonValueKind.String, s.GetProperty("started").ValueKind);
        });
        Assert.Equal(JsonValueKind.Array, cluster.GetProperty("departed").ValueKind);
    }

    [Fact]
    public async Task DrainThenUndrain_ByName_DirectoryShowsTheDrainAndItsEnd()
    {
        var name = await FirstSiloNameAsync();
        try
        {
            var drained = await fixture.Api.PostJsonAsync($"/api/cluster/silos/{Uri.EscapeDataString(name)}/drain");
            Assert.Equal(name, drained.GetProperty("name").GetString());
            Assert.True(drained.GetProperty("draining").GetBoolean());
            Assert.True(await IsDrainingAsync(name));

            var undrained = await fixture.Api.PostJsonAsync($"/api/cluster/silos/{Uri.EscapeDataString(name)}/undrain");
            Assert.False(undrained.GetProperty("draining").GetBoolean());
            Assert.False(await IsDrainingAsync(name));
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/cluster/silos/{Uri.EscapeDataString(name)}/undrain", null);
        }
    }

    [Fact]
    public async Task Drain_ByAddressAndPort_FindsTheSilo()
    {
        var silo = (await fixture.Api.GetJsonAsync("/api/cluster")).GetProperty("silos")[0];
        var address = silo.GetProperty("address").GetString()!;
        try
        {
            var drained = await fixture.Api.PostJsonAsync($"/api/cluster/silos/{Uri.EscapeDataString(address)}/drain");

            Assert.Equal(silo.GetProperty("name").GetString(), drained.GetProperty("name").GetString());
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/cluster/silos/{Uri.EscapeDataString(address)}/undrain", null);
        }
    }

    [Theory]
    [InlineData("drain")]
    [InlineData("undrain")]
    public async Task Drain_UnknownSilo_Is404NamingIt(string action)
    {
        using var response = await fixture.Api.PostAsync($"/api/cluster/silos/no-such-silo/{action}", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "no-such-silo", "GET /api/cluster");
    }

    [Theory]
    [InlineData("%01silo")]
    [InlineData("silo%0Aname")]
    [MemberData(nameof(TooLongName))]
    public async Task Drain_BadSiloName_Is400(string silo)
    {
        using var response = await fixture.Api.PostAsync($"/api/cluster/silos/{silo}/drain", null);

        await ProblemAssert.IsBadFieldAsync(response, "silo", "256 characters");
        Assert.All((await fixture.Api.GetJsonAsync("/api/cluster")).GetProperty("silos").EnumerateArray(), s => Assert.False(s.GetProperty("draining").GetBoolean()));
    }

    public static TheoryData<string> TooLongName() => [new string('s', 257)];

    [Theory]
    [InlineData("drain")]
    [InlineData("undrain")]
    public async Task Drain_BeyondLoopbackWithoutToken_Is401AndDrainsNothing(string action)
    {
        const string Token = "cluster-token-0123456789abcdef";
        var name = await FirstSiloNameAsync();
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = Token }, "http://0.0.0.0:0");
        using var api = coordinator.CreateSocketClient();

        using var anonymous = await api.PostAsync($"/api/cluster/silos/{name}/{action}", null);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token-0123456789abcdef");
        using var wrong = await api.PostAsync($"/api/cluster/silos/{name}/{action}", null);

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized, "HYPERTUNE_TOKEN");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(await IsDrainingAsync(name));
    }

    [Fact]
    public async Task Drain_BeyondLoopbackWithToken_Is200()
    {
        const string Token = "cluster-token-0123456789abcdef";
        var name = await FirstSiloNameAsync();
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = Token }, "http://0.0.0.0:0");
        using var api = coordinator.CreateSocketClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        try
        {
            using var response = await api.PostAsync($"/api/cluster/silos/{name}/drain", null);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(await IsDrainingAsync(name));
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/cluster/silos/{name}/undrain", null);
        }
    }

    private async Task<string> FirstSiloNameAsync() =>
        (await fixture.Api.GetJsonAsync("/api/cluster")).GetProperty("silos")[0].GetProperty("name").GetString()!;

    private async Task<bool> IsDrainingAsync(string name) =>
        (await fixture.Api.GetJsonAsync("/api/cluster")).GetProperty("silos").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == name).GetProperty("draining").GetBoolean();
}
