using Xunit.Abstractions;
namespace HyperTune.Coordinator.Tests;
[Collection(CoordinatorCollection.Name)]
public sealed class ScratchTests(CoordinatorFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Scratch_EpochPace()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        void Log(string s) => output.WriteLine($"{started.ElapsedMilliseconds} ms: {s}");
        var (id, _) = await fixture.Api.CreateStudyAsync(TestSpecs.Endless());
        Log("created");
        await using var events = await StudyEventReader.OpenAsync(fixture.Api, id);
        Log("opened");
        for (var i = 0; i < 400; i++) { var e = await events.ReadUntilAsync("epoch", _ => true); if (i % 50 == 0) Log(e.GetProperty("epoch").ToString()); }
        await fixture.Api.PostAsync($"/api/studies/{id}/stop", null);
        await events.ReadToEndAsync();
        Log("end");
    }
}
