using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Schedulers.Hyperband;
using HyperTune.Search.Schedulers.Median;
using HyperTune.Search.Schedulers.Pbt;
using HyperTune.Search.Schedulers.Plateau;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Search.Tests.Schedulers;

public sealed class SchedulerStateTests
{
    public static TheoryData<string, object?> Kinds => new()
    {
        { "none", null },
        { "median", new MedianStoppingSchedulerOptions { GracePeriod = 2, MinSamples = 2 } },
        { "asha", new AshaSchedulerOptions { ReductionFactor = 2, Brackets = 2 } },
        { "hyperband", new HyperbandSchedulerOptions { ReductionFactor = 2 } },
        { "pbt", new PbtSchedulerOptions { PerturbationInterval = 2, QuantileFraction = 0.5 } },
        { "plateau", new PlateauSchedulerOptions { Patience = 1, Cooldown = 1 } },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RestoreState_SavedMidway_ContinuesIdentically(string kind, object? options)
    {
        var spec = SchedulerScript.Spec(kind, options, maxEpochs: 12, checkpointInterval: 2);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var original = SchedulerFactory.Create(spec, time);
        var events = Script(seed: 5).ToList();
        var half = events.Count / 2;
        foreach (var e in events.Take(half))
        {
            e(original);
        }

        var restored = SchedulerFactory.Create(spec, time);
        restored.RestoreState(original.SaveState());

        var expected = events.Skip(half).Select(e => e(original)).ToList();
        var actual = events.Skip(half).Select(e => e(restored)).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(expected.Concat(actual), d => d is not ContinueDecision || kind == "none");
        Assert.Equal(original.SaveState(), restored.SaveState());
    }

    [Fact]
    public void RestoreState_OtherKind_Throws()
    {
        var asha = SchedulerFactory.Create(SchedulerScript.Spec("asha"));
        var median = SchedulerFactory.Create(SchedulerScript.Spec("median"));

        Assert.Throws<InvalidOperationException>(() => median.RestoreState(asha.SaveState()));
    }

    [Fact]
    public void RestoreState_OtherOptions_Throws()
    {
        var a = SchedulerFactory.Create(SchedulerScript.Spec("asha", new AshaSchedulerOptions { ReductionFactor = 2 }));
        var b = SchedulerFactory.Create(SchedulerScript.Spec("asha", new AshaSchedulerOptions { ReductionFactor = 3 }));

        Assert.Throws<InvalidOperationException>(() => b.RestoreState(a.SaveState()));
    }

    [Fact]
    public void Create_UnknownKind_ErrorNamesKnownKinds()
    {
        var error = Assert.Single(Assert.Throws<StudySpecException>(() => SchedulerFactory.Create(SchedulerScript.Spec("bogus"))).Errors);

        Assert.Equal("$.scheduler.kind", error.Path);
        Assert.Contains("asha, hyperband, median, none, pbt, plateau", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Eight trials of 12 epochs with seeded noisy curves, some NaN, checkpoints every 2 epochs, reported epoch by epoch;
    /// each event returns the decision of a result (or Continue for other events).
    /// </summary>
    internal static IEnumerable<Func<ITrialScheduler, SchedulerDecision>> Script(int seed)
    {
        var random = new Random(seed);
        var curves = Enumerable.Range(0, 8).Select(i =>
        {
            var level = random.NextDouble();
            return Enumerable.Range(1, 12).Select(e => i == 5 && e == 4 ? double.NaN : Math.Min(1, (level * e / 12) + (0.05 * random.NextDouble()))).ToArray();
        }).ToArray();
        for (var i = 0; i < curves.Length; i++)
        {
            var id = $"t{i}";
            var lr = 1e-3 * (i + 1);
            yield return s =>
            {
                s.OnTrialAdded(id, new TrialConfig([KeyValuePair.Create("learning_rate", ParameterValue.Of(lr))]));
                return SchedulerDecision.Continue;
            };
        }

        for (var epoch = 1; epoch <= 12; epoch++)
        {
            for (var i = 0; i < curves.Length; i++)
            {
                var (id, e, value) = ($"t{i}", epoch, curves[i][epoch - 1]);
                yield return s => s.OnTrialResult(id, e, SchedulerScript.Accuracy(value));
                if (epoch % 2 == 0)
                {
                    yield return s =>
                    {
                        s.OnCheckpoint(id, e);
                        return SchedulerDecision.Continue;
                    };
                }
            }
        }
    }
}
