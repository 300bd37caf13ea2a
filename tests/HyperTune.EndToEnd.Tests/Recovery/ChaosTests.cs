using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.EndToEnd.Tests.Recovery.Chaos;
using HyperTune.Storage.Membership;
using HyperTune.Storage.Sqlite;
using HyperTune.Testing;
using Xunit.Abstractions;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// Chaos on the default store: three silo processes and the Coordinator on one SQLite file run a 40-trial study while
/// silos are killed with <c>kill -9</c> and started again at random moments (silo-0 first, and often), and the
/// Coordinator is killed and started again once. The study completes; every trial ends Completed with a continuous
/// history; results seen completed never change; and no trial sits Running, as the API shows it, for more than twice
/// the failure-detection time without progress or recovery.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output) : IDisposable
{
    private const string ClusterId = "process-test";
    private const int BasePort = 23600;
    private const int CoordinatorPort = 23690;
    private const int Silos = 3;
    private const int Trials = 40;
    private const int Epochs = 25;
    private const int CheckpointInterval = 5;
    private const int MinKills = 10;
    private const int MaxKills = 14;

    /// <summary>
    /// The failure-detection time: a silo killed with <c>kill -9</c> refuses connections at once and is declared dead
    /// after three missed probes of 2 s (<c>SiloMembershipOptions</c>' defaults), ≈ 6 s.
    /// </summary>
    private static readonly TimeSpan DetectionTime = TimeSpan.FromSeconds(6);

    /// <summary>No Running trial may stand still longer than this.</summary>
    private static readonly TimeSpan StallLimit = 2 * DetectionTime;

    /// <summary>
    /// Three synthetic trials per silo and six at a time: the two silos left when one dies hold every running trial, so
    /// a lost trial always finds a free slot at once. 25 epochs of 0.6 s with a checkpoint every 5: a study of a few
    /// minutes that the rounds of chaos fall inside.
    /// </summary>
    private static readonly string Spec = $$"""
        { "name": "chaos", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.6},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 5e-3},
                            "hidden_units": {"type": "choice", "values": [64, 128, 256]} },
          "budget": {"max_trials": {{Trials}}, "max_concurrent_trials": 6, "max_epochs_per_trial": {{Epochs}}},
          "checkpoint_interval": {{CheckpointInterval}}, "seed": 17 }
        """;

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("hypertune-chaos-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SilosKilledAtRandom_AndTheCoordinatorRestarted_TheStudyCompletes_HistoriesContinuous_NoTrialStalls()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYPERTUNE_CHAOS_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : Random.Shared.Next();
        output.WriteLine($"chaos seed {seed} (HYPERTUNE_CHAOS_SEED={seed} replays its rounds)");
        var plan = new ChaosPlan(seed, Silos, minWait: TimeSpan.FromSeconds(1), maxWait: TimeSpan.FromSeconds(3), maxDown: TimeSpan.FromSeconds(3));
        var database = Path.Combine(_directory, "hypertune.db");
        await using var cluster = new ProcessCluster(Silos, BasePort, _directory, new Dictionary<string, string>
        {
            ["HyperTune:Storage:Provider"] = "sqlite",
            ["HyperTune:Storage:SqlitePath"] = database,
            ["HyperTune:Training:SyntheticSlots"] = "3",
            ["HyperTune:Recovery:WatchInterval"] = "00:00:01",
            // Kills here are the test's, not a model's: a trial whose silo dies under it twice is no suspected crasher,
            // and it may be lost more often than the default three retries allow.
            ["HyperTune:Recovery:MaxSiloCrashes"] = "0",
            ["HyperTune:Recovery:MaxRetries"] = "20",
        });
        await cluster.StartAsync();
        var coordinator = StartCoordinator(database);
        try
        {
            string Diagnostics() => $"--- coordinator ---{Environment.NewLine}{coordinator.RecentOutput}{Environment.NewLine}{cluster.Output}";
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{CoordinatorPort}"), Timeout = TimeSpan.FromSeconds(40) };
            await Eventually.HoldsAsync(async () => (await api.GetAsync("/api/studies")).IsSuccessStatusCode, "the Coordinator answers", TimeSpan.FromMinutes(2), Diagnostics);
            var studyId = "chaos-" + Guid.NewGuid().ToString("N")[..8];
            using (var created = await api.PostAsync($"/api/studies?id={studyId}", new StringContent(Spec, Encoding.UTF8, "application/json")))
            {
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            }

            var membership = new SqliteMembershipStore(new SqliteDatabase(database), ClusterId);
            var clock = Stopwatch.StartNew();
            var kills = new List<ChaosKill>();
            var coordinatorRestarts = 0;
            await using (var watcher = new StudyWatcher(api.BaseAddress, studyId, clock))
            {
                while (kills.Count < MaxKills && !await StudyEndedAsync(api, studyId))
                {
                    var step = plan.Next();
                    // The chaos' own pace: a random moment, not a wait for something to happen.
                    await Task.Delay(step.Wait);
                    if (await StudyEndedAsync(api, studyId))
                    {
                        break;
                    }

                    var victim = cluster.Silos[step.Victim];
                    var generation = (await MemberAsync(membership, cluster.SiloPort(step.Victim), SiloStatus.Active))?.Generation ?? 0;
                    var kill = new ChaosKill(victim.Name, DateTimeOffset.UtcNow);
                    var killedAt = clock.Elapsed;
                    victim.Kill();
                    kills.Add(kill);
                    var dead = WatchDeathAsync(membership, cluster.SiloPort(step.Victim), generation, clock, killedAt, kill);
                    await Task.Delay(step.Down);
                    cluster.RestartSilo(step.Victim);
                    await Eventually.HoldsAsync(
                        async () => await MemberAsync(membership, cluster.SiloPort(step.Victim), SiloStatus.Active) is { } member && member.Generation > generation,
                        $"kill {kills.Count}: the restarted {victim.Name} is Active", TimeSpan.FromMinutes(2), Diagnostics);
                    kill.BackAfter = clock.Elapsed - killedAt;
                    await dead;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"kill {kills.Count} at {killedAt.TotalSeconds:F1} s: {victim.Name}, declared Dead after {kill.DeclaredDeadAfter?.TotalSeconds:F1} s, Active again after {kill.BackAfter?.TotalSeconds:F1} s"));

                    if (step.RestartCoordinator)
                    {
                        var downAt = clock.Elapsed;
                        coordinator.Kill();
                        coordinator.Dispose();
                        coordinator = StartCoordinator(database);
                        await Eventually.HoldsAsync(async () => (await api.GetAsync($"/api/studies/{studyId}")).IsSuccessStatusCode,
                            "the restarted Coordinator answers", TimeSpan.FromMinutes(2), Diagnostics);
                        coordinatorRestarts++;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"Coordinator killed at {downAt.TotalSeconds:F1} s, answering again after {(clock.Elapsed - downAt).TotalSeconds:F1} s"));
                    }
                }

                await Eventually.HoldsAsync(() => StudyEndedAsync(api, studyId), "the study ends", TimeSpan.FromMinutes(3), Diagnostics);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"study ended {clock.Elapsed.TotalSeconds:F1} s after it was created; the watcher read the trials {watcher.Read(s => s.Observations)} times ({watcher.Failures} reads failed)"));

                var final = await JsonAsync(api, $"/api/studies/{studyId}/trials?limit=1000");
                var trials = final.EnumerateArray().ToArray();
                var records = new List<TrialRecord>();
                foreach (var trial in trials)
                {
                    var id = trial.GetProperty("trialId").GetString()!;
                    var history = (await JsonAsync(api, $"/api/trials/{id}")).GetProperty("history");
                    records.Add(new TrialRecord(
                        id,
                        trial.GetProperty("maxEpochs").GetInt32(),
                        [.. history.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32())],
                        [.. history.GetProperty("events").EnumerateArray().Select(e => new HistoryEvent(
                            e.GetProperty("at").GetDateTimeOffset(), e.GetProperty("kind").GetString()!, e.GetProperty("epoch").GetInt32(), e.GetProperty("message").GetString()!))]));
                }

                var figures = ChaosFigures.From(kills, records);
                output.WriteLine(figures.Describe());
                var stalls = watcher.Read(s => s.Beyond(StallLimit));
                output.WriteLine($"longest stall of a Running trial: {watcher.Read(s => s.Worst)?.ToString() ?? "none"} (limit {StallLimit.TotalSeconds:F0} s)");
                foreach (var record in records.Where(r => stalls.Any(s => s.TrialId == r.TrialId) || r.Events.Count > 0 && figures.SlowestTrials(3).Contains(r.TrialId)))
                {
                    output.WriteLine($"  {record.TrialId}: {string.Join("; ", record.Events.Select(e => FormattableString.Invariant($"{(e.At - kills[0].At).TotalSeconds:F1} s {e.Kind} @{e.Epoch} {e.Message}")))}");
                }

                Assert.Equal("Completed", (await JsonAsync(api, $"/api/studies/{studyId}")).GetProperty("state").GetString());
                Assert.True(kills.Count >= MinKills, $"only {kills.Count} kills happened before the study ended");
                Assert.Contains(kills, k => k.Silo == "silo-0");
                Assert.Equal(1, coordinatorRestarts);
                Assert.Equal(Trials, trials.Length);
                Assert.All(trials, t => Assert.Equal("Completed", t.GetProperty("state").GetString()));
                Assert.Empty(records.SelectMany(r => HistoryContinuity.Problems(r, CheckpointInterval)));
                foreach (var (id, result) in watcher.FirstCompleted)
                {
                    Assert.Equal(result, StudyWatcher.Result(trials.Single(t => t.GetProperty("trialId").GetString() == id)));
                }

                Assert.True(figures.Restarts > 0, "no trial was restarted: the kills missed every trial");
                Assert.True(stalls.Count == 0, $"trials stood still beyond {StallLimit}: {string.Join("; ", stalls)}");
            }
        }
        finally
        {
            coordinator.Dispose();
        }
    }

    private SiloProcess StartCoordinator(string database) => SiloProcess.Start("coordinator", "Coordinator", new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{CoordinatorPort}",
        ["HyperTune:Cluster:SqlitePath"] = database,
        ["HyperTune:Cluster:ClusterId"] = ClusterId,
        ["HyperTune:Cluster:ServiceId"] = ClusterId,
    });

    /// <summary>Notes when the killed generation is Dead in the membership table (by the probes, or its successor).</summary>
    private static async Task WatchDeathAsync(SqliteMembershipStore membership, int port, int generation, Stopwatch clock, TimeSpan killedAt, ChaosKill kill)
    {
        try
        {
            await Eventually.HoldsAsync(
                async () => (await membership.ReadAllAsync()).Members.Any(m => m.Silo.Port == port && m.Silo.Generation == generation && m.Silo.Status == (int)SiloStatus.Dead),
                "the killed silo is Dead", TimeSpan.FromMinutes(1));
            kill.DeclaredDeadAfter = clock.Elapsed - killedAt;
        }
        catch (TimeoutException)
        {
            // Left null: reported as not seen.
        }
    }

    private static async Task<StoredSilo?> MemberAsync(SqliteMembershipStore membership, int port, SiloStatus status) =>
        (await membership.ReadAllAsync()).Members.Select(m => m.Silo).Where(s => s.Port == port && s.Status == (int)status).MaxBy(s => s.Generation);

    private static async Task<bool> StudyEndedAsync(HttpClient api, string studyId)
    {
        try
        {
            using var response = await api.GetAsync($"/api/studies/{studyId}");
            return response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString() is "Completed" or "Stopped";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpClient api, string path)
    {
        JsonElement result = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await api.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            result = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, $"GET {path} answers", TimeSpan.FromMinutes(1));
        return result;
    }
}
