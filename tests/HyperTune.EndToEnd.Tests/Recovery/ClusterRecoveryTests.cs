using HyperTune.Testing;
using System.Diagnostics;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using Xunit.Abstractions;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// Nothing is lost when silo processes die: a kill -9'd silo's trials resume on the survivors, and a whole cluster
/// killed and started again finishes its studies, each on the embedded SQLite store.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class ClusterRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromMinutes(5);
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("hypertune-recovery-").FullName;

    [Fact]
    public async Task KillingASilo_ItsTrialsResumeOnTheSurvivor_TheStudyCompletesWithContinuousHistories()
    {
        await using var cluster = SqliteCluster(silos: 2, basePort: 23000, slots: 2);
        await cluster.StartAsync();
        var study = cluster.Client.GetGrain<IStudyGrain>("kill-" + Guid.NewGuid().ToString("N")[..8]);
        // 60 epochs of about 60 ms: a trial spends some 2.5 s between epoch 5 and 45, so the look below finds one even when
        // the machine is idle and trials train fast (with 40 epochs and a window of 5–20, a quiet run saw none).
        Assert.True((await study.StartAsync(Spec(trials: 6, concurrent: 4, epochs: 60))).Accepted);

        var victim = cluster.Silos[1];
        TrialSnapshot[] before = [];
        await Eventually.HoldsAsync(async () =>
        {
            before = [.. await study.GetTrialsAsync()];
            return before.Any(t => t.Silo == victim.Name && t.State == TrialState.Running && t.Epoch is >= 5 and <= 45);
        }, "a trial on the victim has trained 5 epochs, far from its end", StudyTimeout, () => cluster.Output);
        var completedBefore = before.Where(t => t.State == TrialState.Completed).ToArray();

        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        var killedAtTime = DateTimeOffset.UtcNow;
        // A trial near its end may finish in the moment between the last look and the kill: it had nothing to resume.
        bool EndedBeforeTheKill(TrialSnapshot t) => t.State.IsFinished() && t.Attempt == 0 && t.EndedAt <= killedAtTime;
        var running = before.Where(t => t.Silo == victim.Name && !t.State.IsFinished()).Select(t => t.TrialId).ToHashSet();
        TrialSnapshot[] now = [];
        await Eventually.HoldsAsync(async () =>
        {
            now = [.. await study.GetTrialsAsync()];
            return now.Where(t => running.Contains(t.TrialId)).All(t => EndedBeforeTheKill(t) || (t.Attempt >= 1 && t.Silo != victim.Name && t.Epoch > 0));
        }, "every lost trial trains again on the survivor", TimeSpan.FromMinutes(2), () => cluster.Output);
        var lost = now.Where(t => running.Contains(t.TrialId) && !EndedBeforeTheKill(t)).Select(t => t.TrialId).ToHashSet();
        Assert.NotEmpty(lost);
        var recovery = killedAt.Elapsed;
        output.WriteLine($"{lost.Count} trials lost with {victim.Name}; all training again {recovery.TotalSeconds:F1} s after the kill");

        await WaitForEndAsync(study, cluster);
        var trials = await study.GetTrialsAsync();
        Assert.Equal(StudyState.Completed, (await study.GetStatusAsync())!.State);
        Assert.Equal(6, trials.Length);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        foreach (var done in completedBefore)
        {
            Assert.Equal(done.Metrics, trials.Single(t => t.TrialId == done.TrialId).Metrics);
        }

        await AssertContinuousHistoriesAsync(study, epochs: 60);
        // A trial that had stored a checkpoint resumes from one; a standby trial that never trained starts from scratch.
        var resumedFromCheckpoint = 0;
        foreach (var trialId in lost)
        {
            var history = (await cluster.Client.GetGrain<ITrialGrain>(trialId).GetHistoryAsync())!;
            var resumed = Assert.Single(history.Events, e => e.Kind == TrialEventKinds.Resumed);
            var lastCheckpoint = before.Single(t => t.TrialId == trialId).LastCheckpointEpoch;
            Assert.True(resumed.Epoch >= lastCheckpoint, $"{trialId} resumed at epoch {resumed.Epoch}, before its checkpoint at {lastCheckpoint}");
            resumedFromCheckpoint += resumed.Epoch > 0 ? 1 : 0;
        }

        Assert.True(resumedFromCheckpoint > 0, "no lost trial resumed from a checkpoint");
    }

    [Fact]
    public async Task RestartingTheWholeCluster_TheStudyContinuesFromCheckpoints_AndFinishedResultsStayUntouched()
    {
        var studyId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        TrialSnapshot[] before = [];
        DateTimeOffset killedAt;
        await using (var first = SqliteCluster(silos: 2, basePort: 23200, slots: 1))
        {
            await first.StartAsync();
            var study = first.Client.GetGrain<IStudyGrain>(studyId);
            Assert.True((await study.StartAsync(Spec(trials: 5, concurrent: 2, epochs: 24))).Accepted);
            await Eventually.HoldsAsync(async () =>
            {
                before = [.. await study.GetTrialsAsync()];
                return before.Count(t => t.State == TrialState.Completed) >= 2 && before.Any(t => t.State == TrialState.Running && t.Epoch is >= 5 and <= 16);
            }, "two trials finished and one is well under way, far from its end", StudyTimeout, () => first.Output);
            await first.KillAllAsync();
            killedAt = DateTimeOffset.UtcNow;
        }

        await using var second = SqliteCluster(silos: 2, basePort: 23200, slots: 1);
        await second.StartAsync();
        var restarted = second.Client.GetGrain<IStudyGrain>(studyId);
        await WaitForEndAsync(restarted, second);

        var trials = await restarted.GetTrialsAsync();
        Assert.Equal(StudyState.Completed, (await restarted.GetStatusAsync())!.State);
        Assert.Equal(5, trials.Length);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        foreach (var done in before.Where(t => t.State == TrialState.Completed))
        {
            var now = trials.Single(t => t.TrialId == done.TrialId);
            Assert.Equal(done.Metrics, now.Metrics);
            Assert.Equal((done.EndedAt, done.Attempt, done.Epoch), (now.EndedAt, now.Attempt, now.Epoch));
        }

        // A trial near its end may finish in the moment between the last look and the kill: it had nothing to resume.
        var interrupted = before.Where(t => t.State == TrialState.Running && t.Epoch >= 5
            && trials.Single(n => n.TrialId == t.TrialId).EndedAt > killedAt).ToArray();
        Assert.NotEmpty(interrupted);
        foreach (var trial in interrupted)
        {
            var history = (await second.Client.GetGrain<ITrialGrain>(trial.TrialId).GetHistoryAsync())!;
            Assert.Contains(history.Events, e => e.Kind == TrialEventKinds.Resumed && e.Epoch > 0);
        }

        await AssertContinuousHistoriesAsync(restarted, epochs: 24);
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private ProcessCluster SqliteCluster(int silos, int basePort, int slots) => new(silos, basePort, _directory, new Dictionary<string, string>
    {
        ["HyperTune:Storage:Provider"] = "sqlite",
        ["HyperTune:Storage:SqlitePath"] = Path.Combine(_directory, "hypertune.db"),
        ["HyperTune:Training:Slots"] = slots.ToString(),
        ["HyperTune:Recovery:WatchInterval"] = "00:00:01",
    });

    private static string Spec(int trials, int concurrent, int epochs) => $$"""
        { "name": "recovery", "dataset": {"kind": "digits"},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 64, "hidden_layers": 1 },
          "budget": {"max_trials": {{trials}}, "max_concurrent_trials": {{concurrent}}, "max_epochs_per_trial": {{epochs}}},
          "checkpoint_interval": 2, "seed": 3 }
        """;

    private static Task WaitForEndAsync(IStudyGrain study, ProcessCluster cluster) => Eventually.HoldsAsync(
        async () => (await study.GetStatusAsync())?.State.IsFinished() == true, "the study ends", StudyTimeout, () => cluster.Output);

    private static async Task AssertContinuousHistoriesAsync(IStudyGrain study, int epochs)
    {
        foreach (var trial in (await study.GetHistoryAsync()).Trials)
        {
            Assert.Equal(Enumerable.Range(1, epochs), trial.Epochs.Select(e => e.Epoch));
        }
    }
}
