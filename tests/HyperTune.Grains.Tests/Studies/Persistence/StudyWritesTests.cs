using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Abstractions.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace HyperTune.Grains.Tests.Studies.Persistence;

/// <summary>A study writes what changed — one trial's row, the small header — and reads back to the same study.</summary>
public sealed class StudyWritesTests
{
    [Fact]
    public void EpochOfOneTrial_InAStudyOf100_WritesThatTrialsRowOnly()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 100, concurrency: 100));
        study.LaunchAll();
        Assert.Equal(100, study.Write()!.Trials.Count);

        study.Epoch("s-0042", 1, 0.5);

        var write = study.Write()!;
        Assert.Equal("s-0042", Assert.Single(write.Trials).Snapshot.TrialId);
        Assert.Null(study.Write());
    }

    [Fact]
    public void FailedWrite_IsWrittenAgainWithTheNext()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 3, concurrency: 3));
        study.LaunchAll();
        study.Write();
        study.Epoch("s-0001", 1, 0.5);
        var failed = study.Write()!;

        study.Core.ReturnWrite(failed);
        study.Epoch("s-0002", 1, 0.4);

        Assert.Equal(["s-0001", "s-0002"], study.Write()!.Trials.Select(t => t.Snapshot.TrialId));
    }

    [Fact]
    public void Restore_FromTheWrites_GivesBackTheSameStudy_AndProbesEveryUnfinishedTrial()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 6, concurrency: 3));
        var rows = new Dictionary<int, Grains.Studies.Persistence.StudyTrialRow>();
        Grains.Studies.Persistence.StudyHeader? header = null;
        void Save()
        {
            if (study.Write() is { } write)
            {
                header = write.Header;
                foreach (var row in write.Trials)
                {
                    rows[row.Snapshot.Number] = row;
                }
            }
        }

        study.LaunchAll();
        Save();
        study.Began("s-0001");
        study.Epoch("s-0001", 1, 0.5);
        study.End("s-0002", TrialState.Completed, 3);
        Save();
        study.Take();
        var before = study.Core.Snapshot();

        var again = new StudyController("s", new StudyOptions(), new StudyRecoveryOptions(), study.Time, NullLogger.Instance);
        again.Restore(header!, [.. rows.Values]);

        var after = again.Snapshot();
        Assert.Equal((before.State, before.TrialsStarted, before.Best), (after.State, after.TrialsStarted, after.Best));
        Assert.Equal(before.TrialCounts, after.TrialCounts);
        Assert.True(after.Version > before.Version);
        again.OnWatchTick(new AllActive());
        var probes = again.TakeEffects().OfType<ProbeTrialEffect>().Select(p => p.TrialId).ToArray();
        Assert.Equal(after.TrialCounts.Where(c => !c.Key.IsFinished()).Sum(c => c.Value), probes.Length);
        Assert.DoesNotContain("s-0002", probes);
    }

    [Fact]
    public void Restore_OfATpeAshaStudy_SuggestsAndDecidesAsTheStudyThatWroteIt()
    {
        const string extra = """, "searcher": {"kind": "tpe", "n_startup_trials": 3}, "scheduler": {"kind": "asha", "grace_period": 1, "reduction_factor": 2}""";
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 40, concurrency: 4, epochs: 8, extra: extra));
        var header = default(Grains.Studies.Persistence.StudyHeader);
        var rows = new Dictionary<int, byte[]>();
        var codec = new Grains.Studies.Persistence.StudyRecordCodec(Serializer());
        void Save()
        {
            if (study.Write() is { } write)
            {
                var encoded = codec.Encode(write);
                header = codec.Decode(new Storage.Studies.StoredStudy(1, encoded.Header!, [])).Header;
                foreach (var row in encoded.Trials)
                {
                    rows[row.Number] = row.Payload;
                }
            }
        }

        var random = new Random(3);
        for (var round = 0; round < 6; round++)
        {
            foreach (var start in study.LaunchAll())
            {
                study.Began(start.TrialId);
                for (var epoch = 1; epoch <= 2; epoch++)
                {
                    study.Epoch(start.TrialId, epoch, random.NextDouble());
                }

                study.End(start.TrialId, TrialState.Completed, 2);
                Save();
            }
        }

        Save();
        var again = new StudyHarness();
        var stored = new Storage.Studies.StoredStudy(1, codec.Encode(new Grains.Studies.Persistence.StudyWriteSet(header!, [])).Header!, [.. rows.Select(r => new Storage.Studies.StoredStudyTrial(r.Key, r.Value))]);
        var (readHeader, readRows) = codec.Decode(stored);
        again.Core.Restore(readHeader, readRows);

        var original = study.LaunchAll();
        var restored = again.LaunchAll();
        Assert.NotEmpty(original);
        Assert.Equal(original.Select(s => (s.TrialId, s.Request.Config.ToString())), restored.Select(s => (s.TrialId, s.Request.Config.ToString())));
        foreach (var (a, b) in new[] { (study, original), (again, restored) }.Select(x => (x.Item1, x.Item2)))
        {
            foreach (var start in b)
            {
                a.Began(start.TrialId);
                a.Epoch(start.TrialId, 1, 0.99);
            }
        }

        var pruned = study.Take().OfType<CommandTrialsEffect>().SelectMany(c => c.TrialIds).ToArray();
        Assert.NotEmpty(pruned);
        Assert.Equal(pruned, again.Take().OfType<CommandTrialsEffect>().SelectMany(c => c.TrialIds));
    }

    private static Serializer Serializer() =>
        new ServiceCollection().AddSerializer(serializer => serializer.AddHyperTuneSerializers()).BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void RestoreLegacy_MarksEveryTrialToBeWrittenInTheNewForm()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 3, concurrency: 3));
        study.LaunchAll();
        var legacy = new StudyGrainState
        {
            SpecJson = study.Write()!.Header.SpecJson,
            State = StudyState.Running,
            CreatedAt = study.Time.GetUtcNow(),
        };
        foreach (var trial in study.Core.Trials())
        {
            legacy.Trials[trial.TrialId] = trial;
            legacy.Placements[trial.TrialId] = StudyHarness.SiloA;
        }

        var moved = new StudyController("s", new StudyOptions(), new StudyRecoveryOptions(), study.Time, NullLogger.Instance);
        moved.RestoreLegacy(legacy);

        var write = moved.TakeWrite()!;
        Assert.Equal(3, write.Trials.Count);
        Assert.All(write.Trials, t => Assert.Equal(StudyHarness.SiloA, t.Placement));
    }

    private sealed class AllActive : ISiloStatusView
    {
        public SiloStatus StatusOf(SiloAddress silo) => SiloStatus.Active;

        public bool IsDraining(SiloAddress silo) => false;
    }
}
