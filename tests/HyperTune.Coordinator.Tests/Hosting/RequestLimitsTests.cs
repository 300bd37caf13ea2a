using System.Net;
using System.Text;

namespace HyperTune.Coordinator.Tests.Hosting;

/// <summary>The request caps of <c>HyperTune:Api</c> on the real Kestrel: body size and JSON depth.</summary>
[Collection(CoordinatorCollection.Name)]
public sealed class RequestLimitsTests(CoordinatorFixture fixture) : IDisposable
{
    private readonly FrontDoorFactory _coordinator = new(fixture, urls: "http://127.0.0.1:0");

    public void Dispose() => _coordinator.Dispose();

    [Fact]
    public async Task Post_40MegabyteBody_Is413PayloadTooLarge()
    {
        using var api = _coordinator.CreateSocketClient();
        var body = "{\"name\":\"" + new string('x', 40 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/studies") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // As curl sends a large body: it waits for "100 Continue", and Kestrel answers 413 instead, the body unsent.
        request.Headers.ExpectContinue = true;
        using var response = await api.SendAsync(request);

        // Refused on its Content-Length, before a byte of it is read (by the spec reader, or Kestrel's cap for other routes).
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
        Assert.Equal("Payload too large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_BodyJustUnderTheLimit_IsRead()
    {
        using var api = _coordinator.CreateSocketClient();
        var body = "{\"name\":\"" + new string('x', 4000 * 1024) + "\"}";

        using var response = await api.PostAsync("/api/studies", new StringContent(body, Encoding.UTF8, "application/json"));

        // Read whole and judged as a spec: refused for what it says, not for its size.
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SmallerConfiguredLimit_Applies()
    {
        using var coordinator = new FrontDoorFactory(fixture, new Dictionary<string, string> { ["HyperTune:Api:MaxRequestBodySize"] = "2048" }, "http://127.0.0.1:0");
        using var api = coordinator.CreateSocketClient();

        using var response = await api.PostAsync("/api/studies", new StringContent(TestSpecs.Tiny() + new string(' ', 4096), Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "2,048 bytes");
    }

    [Fact]
    public async Task Post_TenThousandNestedArrays_Is400NestsTooDeep()
    {
        using var api = _coordinator.CreateSocketClient();
        var body = "{\"search_space\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        using var response = await api.PostAsync("/api/studies", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "deeper than 32 levels");
        Assert.Equal("Body nests too deep", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/studies")]
    [InlineData("/api/lr-range-tests")]
    [InlineData("/api/trials/s-none-0001/decay-lr")]
    public async Task Post_33LevelsDeep_Is400NestsTooDeep(string path)
    {
        using var api = _coordinator.CreateSocketClient();
        var body = "{\"x\":" + new string('[', 32) + new string(']', 32) + "}";

        using var response = await api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "deeper than 32 levels");
    }

    [Fact]
    public async Task Post_BracketsInsideStrings_DoNotCountAsNesting()
    {
        using var api = _coordinator.CreateSocketClient();
        var body = "{\"name\":\"" + new string('[', 100) + "\\\"" + new string('{', 100) + "\"}";

        using var response = await api.PostAsync("/api/studies", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEqual("Body nests too deep", problem.GetProperty("title").GetString());
    }
}
