using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Storage.Membership;
using HyperTune.Storage.Sqlite;
using HyperTune.Testing;
using Xunit.Abstractions;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// No silo is a single point of failure on the embedded SQLite store: three silo processes and the Coordinator, and the
/// first silo started is killed with <c>kill -9</c> round after round. Each time the other two carry on (the REST API
/// keeps listing and creating studies), the dead silo is declared Dead in the membership table in the SQLite file, and
/// the silo started again alone, with its name and ports, rejoins while the others keep running. A study of synthetic
/// trials runs throughout: the trials the dead silo trained resume on the other two within <see cref="ResumeLimit"/>.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class SiloFailoverTests(ITestOutputHelper output) : IDisposable
{
    private const string ClusterId = "process-test";
    private const int BasePort = 23400;
    private const int CoordinatorPort = 23490;

    /// <summary>Kill rounds; <c>HYPERTUNE_FAILOVER_ROUNDS</c> asks for more (a measurement run).</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("HYPERTUNE_FAILOVER_ROUNDS"), out var rounds) && rounds > 3 ? rounds : 3;

    /// <summary>A study the probe creates: one trial of one epoch on a small synthetic dataset.</summary>
    private const string SmallStudy = """
        { "name": "probe", "dataset": {"kind": "blobs"},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 16, "hidden_layers": 1 },
          "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 1}, "seed": 1 }
        """;

    /// <summary>The longest a killed silo's trials may take to train again on the others.</summary>
    private static readonly TimeSpan ResumeLimit = TimeSpan.FromSeconds(15);

    /// <summary>A study that keeps trials on every silo: short synthetic trials, two per silo at a time, far more than the test needs.</summary>
    private const string BackgroundStudy = """
        { "name": "background", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.5},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 5e-3} },
          "budget": {"max_trials": 1000, "max_concurrent_trials": 6, "max_epochs_per_trial": 12},
          "checkpoint_interval": 4, "seed": 4 }
        """;

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("hypertune-failover-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task KillingTheFirstSilo_TheOthersCarryOnAndDeclareItDead_RestartedAloneItRejoins_RoundAfterRound()
    {
        var database = Path.Combine(_directory, "hypertune.db");
        await using var cluster = new ProcessCluster(3, BasePort, _directory, new Dictionary<string, string>
        {
            ["HyperTune:Storage:Provider"] = "sqlite",
            ["HyperTune:Storage:SqlitePath"] = database,
            ["HyperTune:Training:Slots"] = "1",
        });
        await cluster.StartAsync();
        using var coordinator = SiloProcess.Start("coordinator", "Coordinator", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{CoordinatorPort}",
            ["HyperTune:Cluster:SqlitePath"] = database,
            ["HyperTune:Cluster:ClusterId"] = ClusterId,
            ["HyperTune:Cluster:ServiceId"] = ClusterId,
        });
        string Diagnostics() => $"--- coordinator ---{Environment.NewLine}{coordinator.RecentOutput}{Environment.NewLine}{cluster.Output}";
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{CoordinatorPort}"), Timeout = TimeSpan.FromSeconds(40) };
        await Eventually.HoldsAsync(async () => (await SiloCountAsync(api)) == 3, "the Coordinator sees the three silos", TimeSpan.FromMinutes(2), Diagnostics);
        var membership = new SqliteMembershipStore(new SqliteDatabase(database), ClusterId);
        var clock = Stopwatch.StartNew();
        await using var probe = new ApiProbe(api.BaseAddress, clock, SmallStudy);
        using (var created = await api.PostAsync("/api/studies?id=background", new StringContent(BackgroundStudy, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        var resumeTimes = new List<TimeSpan>();

        for (var round = 1; round <= Rounds; round++)
        {
            var victim = cluster.Silos[0];
            var generation = (await MemberAsync(membership, cluster.SiloPort(0), SiloStatus.Active))!.Generation;
            JsonElement[] onVictim = [];
            await Eventually.HoldsAsync(async () =>
            {
                onVictim = [.. (await TrialsAsync(api)).Where(t => t.GetProperty("silo").GetString() == victim.Name && t.GetProperty("state").GetString() == "Running" && t.GetProperty("epoch").GetInt32() >= 1)];
                return onVictim.Length > 0;
            }, $"round {round}: a trial trains on {victim.Name}", TimeSpan.FromMinutes(1), Diagnostics);

            var killedAt = clock.Elapsed;
            victim.Kill();
            var resumed = ResumedElsewhereAsync(api, victim.Name, onVictim, clock, killedAt, Diagnostics);
            await Eventually.HoldsAsync(
                async () => (await membership.ReadAllAsync()).Members.Any(m => m.Silo.Port == cluster.SiloPort(0) && m.Silo.Generation == generation && m.Silo.Status == (int)SiloStatus.Dead),
                $"round {round}: the killed {victim.Name} is Dead in the membership table",
                TimeSpan.FromMinutes(1),
                Diagnostics);
            var deadAt = clock.Elapsed;

            // The two others carry on: after the declaration, listing and creating studies answer.
            await Eventually.HoldsAsync(
                () => Task.FromResult(
                    probe.Calls.Count(c => c.Started > deadAt && c.Succeeded && c.Kind == "list") >= 5
                    && probe.Calls.Count(c => c.Started > deadAt && c.Succeeded && c.Kind == "create") >= 2),
                $"round {round}: listing and creating studies answer after the declaration",
                TimeSpan.FromMinutes(1),
                Diagnostics);
            Assert.True(cluster.Silos.Skip(1).All(s => s.IsRunning), $"round {round}: a surviving silo stopped{Environment.NewLine}{cluster.Output}");

            // Started again alone, with its name and ports: a new generation that joins the live cluster.
            var restartedAt = clock.Elapsed;
            cluster.RestartSilo(0);
            await Eventually.HoldsAsync(
                async () => await MemberAsync(membership, cluster.SiloPort(0), SiloStatus.Active) is { } member && member.Generation > generation,
                $"round {round}: the restarted silo-0 is Active in the membership table",
                TimeSpan.FromMinutes(2),
                Diagnostics);
            var activeAt = clock.Elapsed;
            await Eventually.HoldsAsync(
                async () => await SiloCountAsync(api) == 3,
                $"round {round}: the restarted silo-0 offers its slots",
                TimeSpan.FromMinutes(2),
                Diagnostics);
            var rejoinedAt = clock.Elapsed;
            Assert.True(cluster.Silos.All(s => s.IsRunning), $"round {round}: a silo stopped when silo-0 rejoined{Environment.NewLine}{cluster.Output}");

            var resumedAfter = await resumed;
            resumeTimes.Add(resumedAfter);
            var window = probe.Calls.Where(c => c.Started >= killedAt && c.Started <= rejoinedAt).ToList();
            var failed = window.Where(c => !c.Succeeded).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: declared Dead {(deadAt - killedAt).TotalSeconds:F1} s after the kill; its {onVictim.Length} trials training again on the others {resumedAfter.TotalSeconds:F1} s after the kill; restarted, Active {(activeAt - restartedAt).TotalSeconds:F1} s and offering slots {(rejoinedAt - restartedAt).TotalSeconds:F1} s later; "
                + $"API {window.Count - failed.Count}/{window.Count} answered, the last failure sent {(failed.Count == 0 ? "never" : $"{(failed[^1].Started - killedAt).TotalSeconds:F1} s")} after the kill"));
            foreach (var call in failed)
            {
                output.WriteLine($"  failed: {call}");
            }

            // No failure beyond the detection window: every request sent once the silo was declared dead answered.
            Assert.DoesNotContain(window, c => c.Started > deadAt && !c.Succeeded);
            Assert.True(resumedAfter <= ResumeLimit, $"round {round}: the trials of {victim.Name} trained again only {resumedAfter.TotalSeconds:F1} s after the kill");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the killed silo's trials trained again on the others after {string.Join(", ", resumeTimes.Select(t => $"{t.TotalSeconds:F1}"))} s (limit {ResumeLimit.TotalSeconds:F0} s)"));
        using (await api.PostAsync("/api/studies/background/stop", null))
        {
        }

        Assert.True(cluster.Silos.All(s => s.IsRunning), cluster.Output);
        Assert.DoesNotContain(probe.Calls, c => c.Started > clock.Elapsed - TimeSpan.FromSeconds(5) && !c.Succeeded);
        await RunStudyToTheEndAsync(api, Diagnostics);
    }

    private static async Task<StoredSilo?> MemberAsync(SqliteMembershipStore membership, int port, SiloStatus status) =>
        (await membership.ReadAllAsync()).Members.Select(m => m.Silo).Where(s => s.Port == port && s.Status == (int)status).MaxBy(s => s.Generation);

    private static async Task<JsonElement[]> TrialsAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/api/studies/background/trials?limit=1000")).EnumerateArray()];

    /// <summary>
    /// How long after the kill every one of <paramref name="lost"/> was training again on another silo: a later attempt
    /// there, Running (or already Completed).
    /// </summary>
    private static async Task<TimeSpan> ResumedElsewhereAsync(HttpClient api, string victim, JsonElement[] lost, Stopwatch clock, TimeSpan killedAt, Func<string> diagnostics)
    {
        var attempts = lost.ToDictionary(t => t.GetProperty("trialId").GetString()!, t => t.GetProperty("attempt").GetInt32());
        var resumed = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var trial in (await TrialsAsync(api)).Where(t => attempts.ContainsKey(t.GetProperty("trialId").GetString()!)))
            {
                var state = trial.GetProperty("state").GetString();
                var later = trial.GetProperty("attempt").GetInt32() > attempts[trial.GetProperty("trialId").GetString()!];
                // Ended at the attempt it had: it finished in the moment before the kill, with nothing to resume.
                var endedBefore = !later && state is "Completed" or "Stopped" or "Pruned" or "Diverged";
                if (endedBefore || later && trial.GetProperty("silo").GetString() != victim && state is "Running" or "Completed")
                {
                    resumed.Add(trial.GetProperty("trialId").GetString()!);
                }
            }

            return resumed.Count == attempts.Count;
        }, $"the trials of the killed {victim} train again on the others", TimeSpan.FromMinutes(1), diagnostics);
        return clock.Elapsed - killedAt;
    }

    private static async Task<int> SiloCountAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/api/cluster");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("silos").GetArrayLength() : -1;
    }

    /// <summary>After the churn the cluster still runs a study to its end.</summary>
    private static async Task RunStudyToTheEndAsync(HttpClient api, Func<string> diagnostics)
    {
        const string Spec = """
            { "name": "after-failover", "dataset": {"kind": "blobs"},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-3, "high": 1e-2}, "hidden_units": 16, "hidden_layers": 1 },
              "budget": {"max_trials": 6, "max_concurrent_trials": 3, "max_epochs_per_trial": 3}, "seed": 2 }
            """;
        using var created = await api.PostAsync("/api/studies?id=after-failover", new StringContent(Spec, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/studies/after-failover")).GetProperty("state").GetString() == "Completed",
            "a study started after the failovers completes",
            TimeSpan.FromMinutes(3),
            diagnostics);
    }
}
