using System.Diagnostics;
using System.Globalization;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Studies;
using HyperTune.Testing;
using Microsoft.Data.Sqlite;

namespace HyperTune.Bench;

/// <summary>
/// The study store, for SQLite and PostgreSQL: (a) the rate of writes of a ~2 KB header plus one ~500 B trial row (a
/// new trial each time, so the study grows to <c>--writes</c> rows); (b) the rate of writes of a header plus 20 rows;
/// (c) the time to read the grown study back; (d) the cost of a write to a study of 1,000 rows against one to the grown
/// study, interleaved ABBA. Then, side by side (interleaved ABBA) on SQLite, the new way against the old way of
/// persisting a study: the whole study as one grain-state blob rewritten on every write, at 1,000 and 10,000 trials.
/// The old way is counted as storage only: its serialization of the whole study per write comes on top. Payloads are
/// random bytes. Each store first writes 2,000 times to a warm-up study. The PostgreSQL server is the tests' throwaway
/// one (fsync off, synchronous_commit off) unless <c>--postgres</c> names another.
/// </summary>
internal static class StudyStoreBenchmark
{
    private const int HeaderBytes = 2048;
    private const int TrialBytes = 500;
    private const int BatchRows = 20;
    private const int SmallStudy = 1_000;
    private static readonly int[] BaselineTrials = [1_000, 10_000];

    public static async Task<int> RunAsync(string[] args)
    {
        var writes = Math.Max(BenchArguments.Int(args, "writes", 100_000), 2 * SmallStudy);
        var batches = BenchArguments.Int(args, "batches", 5_000);
        var pairs = BenchArguments.Int(args, "pairs", 1_000);
        var baselinePairs = BenchArguments.Int(args, "baseline-pairs", 100);
        var directory = Directory.CreateTempSubdirectory("hypertune-study-store-").FullName;
        PostgresServer? server = null;
        try
        {
            Console.WriteLine(Text($"study store: header {HeaderBytes} B, trial rows {TrialBytes} B; (a) {writes:N0} writes of header + 1 row; (b) {batches:N0} writes of header + {BatchRows} rows; (c) read of {writes:N0} rows; (d) {pairs:N0} writes each to studies of {SmallStudy:N0} and {writes:N0} rows, interleaved"));
            var sqliteDatabase = new SqliteDatabase(Path.Combine(directory, "new.db"));
            await sqliteDatabase.InitializeAsync();
            var sqlite = new SqliteStudyStore(sqliteDatabase);
            await MeasureAsync("sqlite", sqlite, writes, batches, pairs);

            if (!BenchArguments.Flag(args, "no-postgres"))
            {
                var connectionString = BenchArguments.String(args, "postgres");
                if (connectionString is null)
                {
                    server = new PostgresServer();
                    await server.InitializeAsync();
                    connectionString = await server.CreateDatabaseAsync("bench");
                    Console.WriteLine(Text($"postgres: throwaway server started in {server.StartTime.TotalSeconds:F1} s (fsync off, synchronous_commit off)"));
                }

                await using var postgresDatabase = new PostgresDatabase(connectionString);
                await postgresDatabase.InitializeAsync();
                await MeasureAsync("postgres", new PostgresStudyStore(postgresDatabase), writes, batches, pairs);
            }

            await CompareWithOldWayAsync(sqlite, Path.Combine(directory, "old.db"), baselinePairs);
            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>(a) to (d) on one store.</summary>
    private static async Task MeasureAsync(string name, IStudyStore store, int writes, int batches, int pairs)
    {
        var warmup = NewWriter(store, "warmup");
        for (var i = 0; i < 2 * SmallStudy; i++)
        {
            await warmup.WriteAsync();
        }

        var grown = NewWriter(store, "grown");
        var singles = await TimeAsync(writes, _ => grown.WriteAsync());
        Console.WriteLine(Text($"{name,-8} (a) header + 1 row:   {singles.PerSecond,6:F0} writes/s over {writes:N0} writes ({singles.Wall.TotalSeconds:F1} s); µs/write mean (median) at 1k rows {singles.Describe(SmallStudy, SmallStudy)}, at the last 1k {singles.Describe(writes - SmallStudy, SmallStudy)}"));

        var batched = NewWriter(store, "batched");
        var batch = await TimeAsync(batches, _ => batched.WriteAsync(BatchRows));
        Console.WriteLine(Text($"{name,-8} (b) header + {BatchRows} rows: {batch.PerSecond,6:F0} writes/s = {batch.PerSecond * BatchRows:F0} rows/s over {batches:N0} writes ({batch.Wall.TotalSeconds:F1} s)"));

        await ReadAsync(name, store, "grown", writes);

        var small = NewWriter(store, "small");
        await small.WriteAsync(SmallStudy - 1);
        var (atSmall, atGrown) = await InterleaveAsync(pairs, () => small.WriteAsync(), () => grown.WriteAsync());
        Console.WriteLine(Text($"{name,-8} (d) µs/write mean (median): study of {SmallStudy:N0} rows {atSmall.Describe(0, pairs)}, of {writes:N0} rows {atGrown.Describe(0, pairs)}: ratio {atGrown.Window(0, pairs).Mean / atSmall.Window(0, pairs).Mean:F2} (median {atGrown.Window(0, pairs).Median / atSmall.Window(0, pairs).Median:F2})"));
    }

    /// <summary>Reads the study three times; prints the first and best time, and the bytes allocated per row beyond its payload.</summary>
    private static async Task ReadAsync(string name, IStudyStore store, string studyId, int rows)
    {
        var times = new List<TimeSpan>();
        long allocated = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var study = await store.ReadAsync(studyId) ?? throw new InvalidOperationException($"{studyId} was not written.");
            times.Add(Stopwatch.GetElapsedTime(started));
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (study.Trials.Count != rows)
            {
                throw new InvalidOperationException($"{studyId} read back {study.Trials.Count} rows, not {rows}.");
            }
        }

        Console.WriteLine(Text($"{name,-8} (c) read {rows:N0} rows ({rows * (double)TrialBytes / (1024 * 1024):F0} MiB of payloads): first {times[0].TotalMilliseconds:F0} ms, best {times.Min().TotalMilliseconds:F0} ms; {(allocated - (rows * (double)TrialBytes)) / rows:F0} B allocated per row beyond its payload bytes"));
    }

    /// <summary>
    /// The new way (header + 1 row into a study of n rows) against the old way (a blob of the header and n trials),
    /// interleaved, at each n of <see cref="BaselineTrials"/>.
    /// </summary>
    private static async Task CompareWithOldWayAsync(SqliteStudyStore store, string oldPath, int pairs)
    {
        var table = new SqliteGrainStateTable(new SqliteDatabase(oldPath), "bench");
        Console.WriteLine(Text($"SQLite, new way (header + 1 row) against the old way (the whole study as one grain-state blob per write), {pairs} writes each, interleaved:"));
        foreach (var trials in BaselineTrials)
        {
            var study = NewWriter(store, Text($"baseline-{trials}"));
            await study.WriteAsync(trials);
            var blob = new GrainStateBlobWriter(table, Text($"study-{trials}"), RandomBytes(HeaderBytes + (trials * TrialBytes), 3));
            await blob.WriteAsync();
            var (newWay, oldWay) = await InterleaveAsync(pairs, () => study.WriteAsync(), blob.WriteAsync);
            var (newMean, oldMean) = (newWay.Window(0, pairs).Mean, oldWay.Window(0, pairs).Mean);
            Console.WriteLine(Text($"at {trials,6:N0} trials: new {newMean,5:F0} µs/write ({1e6 / newMean,5:F0} writes/s), old {oldMean,6:F0} µs/write ({1e6 / oldMean,6:F1} writes/s, {(HeaderBytes + (trials * TrialBytes)) / 1024:N0} KiB each): new/old write rate {oldMean / newMean:F1}x (medians {oldWay.Window(0, pairs).Median / newWay.Window(0, pairs).Median:F1}x)"));
        }
    }

    private static StudyRecordWriter NewWriter(IStudyStore store, string studyId) =>
        new(store, studyId, RandomBytes(HeaderBytes, 1), RandomBytes(TrialBytes, 2));

    /// <summary>Times <paramref name="count"/> calls of <paramref name="write"/>, one after the other.</summary>
    private static async Task<TimedWrites> TimeAsync(int count, Func<int, Task> write)
    {
        var micros = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await write(i);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return new TimedWrites(micros, wall.Elapsed);
    }

    /// <summary>Times <paramref name="pairs"/> calls of each, in the order A B B A A B B A …, so both see the same conditions.</summary>
    private static async Task<(TimedWrites A, TimedWrites B)> InterleaveAsync(int pairs, Func<Task> a, Func<Task> b)
    {
        var (microsA, microsB) = (new double[pairs], new double[pairs]);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            foreach (var first in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var started = Stopwatch.GetTimestamp();
                await (first ? a() : b());
                (first ? microsA : microsB)[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }

        return (new TimedWrites(microsA, wall.Elapsed), new TimedWrites(microsB, wall.Elapsed));
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
