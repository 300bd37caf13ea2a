using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;
using HyperTune.Search.Tests.Schedulers;
using HyperTune.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Search.Tests.Algorithms;

/// <summary>
/// Whole states saved in format 1 (before the state had parts; fixtures in LegacyStates/, each saved halfway through a
/// script) restore into the current algorithms, which then continue exactly as ones that ran the whole script.
/// </summary>
public sealed class LegacyStateTests
{
    public static TheoryData<string, object?> SchedulerKinds => SchedulerStateTests.Kinds;

    public static TheoryData<string> SearcherKinds => [.. LegacySearcherScript.Kinds];

    [Theory]
    [MemberData(nameof(SchedulerKinds))]
    public void RestoreState_Format1Scheduler_ContinuesAsOneThatRanThroughout(string kind, object? options)
    {
        var spec = SchedulerScript.Spec(kind, options, maxEpochs: 12, checkpointInterval: 2);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var events = SchedulerStateTests.Script(seed: 5).ToList();
        var half = events.Count / 2;
        var throughout = SchedulerFactory.Create(spec, time);
        events.Take(half).ToList().ForEach(e => e(throughout));

        var upgraded = SchedulerFactory.Create(spec, time);
        upgraded.RestoreState(Fixture($"scheduler-{kind}.json"));

        Assert.Equal(throughout.SaveState(), upgraded.SaveState());
        Assert.Equal(8, upgraded.TakeChangedTrials().Count);
        Assert.Equal(events.Skip(half).Select(e => e(throughout)), events.Skip(half).Select(e => e(upgraded)));
        Assert.Equal(throughout.SaveState(), upgraded.SaveState());
    }

    [Theory]
    [MemberData(nameof(SearcherKinds))]
    public void RestoreState_Format1Searcher_ContinuesAsOneThatRanThroughout(string kind)
    {
        var spec = LegacySearcherScript.Spec(kind);
        var events = LegacySearcherScript.Events().ToList();
        var half = events.Count / 2;
        var throughout = SearcherFactory.Create(spec);
        events.Take(half).ToList().ForEach(e => e(throughout));

        var upgraded = SearcherFactory.Create(spec);
        upgraded.RestoreState(Fixture($"searcher-{kind}.json"));

        Assert.Equal(throughout.SaveState(), upgraded.SaveState());
        Assert.Equal(events.Skip(half).Select(e => e(throughout)), events.Skip(half).Select(e => e(upgraded)));
        Assert.Equal(throughout.SaveState(), upgraded.SaveState());
    }

    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "HyperTune.Search.Tests", "Algorithms", "LegacyStates", name));
}
