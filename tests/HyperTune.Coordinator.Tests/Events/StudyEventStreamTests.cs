using HyperTune.Abstractions.Studies;
using HyperTune.Coordinator.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Coordinator.Tests.Events;

[Collection(CoordinatorCollection.Name)]
public sealed class StudyEventStreamTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task ReadAsync_OpenLongerThanTheInterval_RenewsItsSubscription_AndUnsubscribesWhenTheReaderLeaves()
    {
        var (id, _) = await fixture.Api.CreateStudyAsync(TestSpecs.Endless("renew"));
        var time = new FakeTimeProvider();
        var interval = new StudyEventOptions().ResubscribeInterval;
        var stream = new StudyEventStream(
            fixture.Services.GetRequiredService<IGrainFactory>(), Options.Create(new StudyEventOptions()), time, NullLogger<StudyEventStream>.Instance);
        try
        {
            await using (var events = stream.ReadAsync(id).GetAsyncEnumerator())
            {
                Assert.True(await events.MoveNextAsync());
                Assert.Equal(StudyEventNames.Study, events.Current.EventType);
                await fixture.Calls.WaitUntilAsync(calls => GrainCallWatcher.Count(calls, nameof(IStudyGrain.SubscribeAsync), id) == 1);

                time.Advance(interval);
                await fixture.Calls.WaitUntilAsync(calls => GrainCallWatcher.Count(calls, nameof(IStudyGrain.SubscribeAsync), id) == 2);
                time.Advance(interval);
                await fixture.Calls.WaitUntilAsync(calls => GrainCallWatcher.Count(calls, nameof(IStudyGrain.SubscribeAsync), id) == 3);
            }

            await fixture.Calls.WaitUntilAsync(calls => GrainCallWatcher.Count(calls, nameof(IStudyGrain.UnsubscribeAsync), id) == 1);
        }
        finally
        {
            await fixture.Api.PostAsync($"/api/studies/{id}/stop", null);
        }
    }

    [Fact]
    public void Options_Defaults_RenewWellWithinTheFiveMinuteExpiry()
    {
        var options = new StudyEventOptions();

        Assert.True(options.ResubscribeInterval <= TimeSpan.FromMinutes(2));
        Assert.True(options.BufferCapacity >= 16);
    }
}
