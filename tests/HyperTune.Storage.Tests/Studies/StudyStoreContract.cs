using System.Text;
using HyperTune.Storage.Studies;

namespace HyperTune.Storage.Tests.Studies;

/// <summary>What every <see cref="IStudyStore"/> must do; each store's test class inherits these tests.</summary>
public abstract class StudyStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<IStudyStore> CreateStoreAsync();

    /// <summary>
    /// Another store over the same storage as <paramref name="store"/>, as a second silo process would open it (its own
    /// database instance and connections); a store without shared storage returns itself.
    /// </summary>
    protected abstract Task<IStudyStore> OpenAgainAsync(IStudyStore store);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static StoredStudyTrial Trial(int number, string text) => new(number, Bytes(text));

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void AssertTrials(StoredStudy study, params (int Number, string Text)[] expected) =>
        Assert.Equal(expected, study.Trials.Select(t => (t.Number, Encoding.UTF8.GetString(t.Payload))));

    [Fact]
    public async Task Read_UnknownStudy_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.ReadAsync("nobody"));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task Write_FirstWriteAtVersionZero_CreatesTheStudyAtVersionOne()
    {
        var store = await CreateStoreAsync();

        var version = await store.WriteAsync("s", new StudyWrite(Bytes("header"), [Trial(2, "two"), Trial(0, "zero")]), 0);

        Assert.Equal(1, version);
        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("s"));
        Assert.Equal(1, study.Version);
        Assert.Equal("header", Encoding.UTF8.GetString(study.Header));
        AssertTrials(study, (0, "zero"), (2, "two"));
    }

    [Fact]
    public async Task Write_WrongExpectedVersion_ThrowsConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.WriteAsync("s", new StudyWrite(Bytes("h1"), [Trial(1, "one")]), 0);
        var v2 = await store.WriteAsync("s", new StudyWrite(Bytes("h2"), [Trial(2, "two")]), v1);

        var stale = await Assert.ThrowsAsync<StudyVersionConflictException>(
            () => store.WriteAsync("s", new StudyWrite(Bytes("stale"), [Trial(1, "stale"), Trial(3, "stale")]), v1));
        var ahead = await Assert.ThrowsAsync<StudyVersionConflictException>(
            () => store.WriteAsync("s", StudyWrite.TrialsOnly(Trial(1, "ahead")), v2 + 1));
        var recreate = await Assert.ThrowsAsync<StudyVersionConflictException>(
            () => store.WriteAsync("s", new StudyWrite(Bytes("again"), [Trial(1, "again")]), 0));
        var missing = await Assert.ThrowsAsync<StudyVersionConflictException>(
            () => store.WriteAsync("missing", new StudyWrite(Bytes("h"), [Trial(1, "x")]), 1));

        Assert.Equal(("s", v1, (long?)v2), (stale.StudyId, stale.ExpectedVersion, stale.StoredVersion));
        Assert.Equal(v2, ahead.StoredVersion);
        Assert.Equal((0L, (long?)v2), (recreate.ExpectedVersion, recreate.StoredVersion));
        Assert.Null(missing.StoredVersion);
        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("s"));
        Assert.Equal(v2, study.Version);
        Assert.Equal("h2", Encoding.UTF8.GetString(study.Header));
        AssertTrials(study, (1, "one"), (2, "two"));
        Assert.Null(await store.ReadAsync("missing"));
        Assert.Equal(["s"], await store.ListAsync());
    }

    [Fact]
    public async Task Write_WithoutHeader_UpdatesRowsKeepsHeaderAndBumpsVersion()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.WriteAsync("s", new StudyWrite(Bytes("header"), [Trial(1, "one")]), 0);

        var v2 = await store.WriteAsync("s", StudyWrite.TrialsOnly(Trial(1, "one'"), Trial(5, "five")), v1);
        var v3 = await store.WriteAsync("s", StudyWrite.TrialsOnly(), v2);

        Assert.True(v1 < v2 && v2 < v3);
        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("s"));
        Assert.Equal(v3, study.Version);
        Assert.Equal("header", Encoding.UTF8.GetString(study.Header));
        AssertTrials(study, (1, "one'"), (5, "five"));
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.WriteAsync("s", StudyWrite.TrialsOnly(Trial(9, "x")), v2));
    }

    [Fact]
    public async Task Write_HeaderOnly_ReplacesHeaderAndKeepsRows()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.WriteAsync("s", new StudyWrite(Bytes("old"), [Trial(1, "one")]), 0);

        var v2 = await store.WriteAsync("s", StudyWrite.HeaderOnly(Bytes("new")), v1);

        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("s"));
        Assert.Equal((v2, "new"), (study.Version, Encoding.UTF8.GetString(study.Header)));
        AssertTrials(study, (1, "one"));
    }

    [Fact]
    public async Task Write_RowsOfTheSameNumber_ReplaceEachOtherAndTheLastOfOneWriteWins()
    {
        var store = await CreateStoreAsync();
        var version = await store.WriteAsync("s", new StudyWrite(Bytes("h"), [Trial(3, "first"), Trial(4, "four")]), 0);
        version = await store.WriteAsync("s", StudyWrite.TrialsOnly(Trial(3, "second")), version);

        await store.WriteAsync("s", StudyWrite.TrialsOnly(Trial(3, "third"), Trial(4, "four'"), Trial(3, "fourth")), version);

        AssertTrials(Assert.IsType<StoredStudy>(await store.ReadAsync("s")), (3, "fourth"), (4, "four'"));
    }

    [Fact]
    public async Task Write_TenThousandRowsInShuffledOrder_ReadBackByNumber()
    {
        var store = await CreateStoreAsync();
        var numbers = Enumerable.Range(0, 10_000).ToArray();
        new Random(7).Shuffle(numbers);
        var version = await store.WriteAsync("big", new StudyWrite(Bytes("h"), [.. numbers.Take(4_000).Select(n => Trial(n, $"trial {n}"))]), 0);
        foreach (var chunk in numbers.Skip(4_000).Chunk(50))
        {
            version = await store.WriteAsync("big", StudyWrite.TrialsOnly([.. chunk.Select(n => Trial(n, $"trial {n}"))]), version);
        }

        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("big"));

        Assert.Equal(1 + ((10_000 - 4_000) / 50), study.Version);
        Assert.Equal(Enumerable.Range(0, 10_000), study.Trials.Select(t => t.Number));
        Assert.All(study.Trials, t => Assert.Equal($"trial {t.Number}", Encoding.UTF8.GetString(t.Payload)));
    }

    /// <summary>
    /// Releases one write per store at once, all expecting <paramref name="expected"/>; each carries enough rows to keep
    /// its transaction open while the others try theirs. Returns each writer's new version, or null when it lost.
    /// </summary>
    private static async Task<(int Writer, long? Version)[]> RaceAsync(IStudyStore[] stores, string studyId, long expected, Func<int, StudyWrite> write)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = stores.Select((store, writer) => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                return (writer, (long?)await store.WriteAsync(studyId, write(writer), expected));
            }
            catch (StudyVersionConflictException conflict)
            {
                Assert.Equal(expected, conflict.ExpectedVersion);
                return (writer, null);
            }
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(attempts);
    }

    [Fact]
    public async Task Write_WritersWithTheSameExpectedVersion_ExactlyOneWins()
    {
        // Two writers on each of two store instances (two silo processes).
        var first = await CreateStoreAsync();
        var second = await OpenAgainAsync(first);
        var stores = new[] { first, first, second, second };
        var filler = Random(1024, 3);
        const int Rounds = 20;
        var version = 0L;

        for (var round = 0; round < Rounds; round++)
        {
            var expected = version;
            var results = await RaceAsync(stores, "race", expected, writer => new StudyWrite(
                Bytes($"h{round}-{writer}"),
                [Trial(round, $"{writer}"), .. Enumerable.Range(10_000, 200).Select(n => new StoredStudyTrial(n, filler))]));

            var winner = Assert.Single(results, r => r.Version is not null);
            version = winner.Version!.Value;
            Assert.Equal(expected + 1, version);
            var study = Assert.IsType<StoredStudy>(await second.ReadAsync("race"));
            Assert.Equal(version, study.Version);
            Assert.Equal($"h{round}-{winner.Writer}", Encoding.UTF8.GetString(study.Header));
            Assert.Equal($"{winner.Writer}", Encoding.UTF8.GetString(study.Trials.Single(t => t.Number == round).Payload));
        }

        var final = Assert.IsType<StoredStudy>(await first.ReadAsync("race"));
        Assert.Equal(Rounds, final.Version);
        Assert.Equal(Enumerable.Range(0, Rounds).Concat(Enumerable.Range(10_000, 200)), final.Trials.Select(t => t.Number));
    }

    [Fact]
    public async Task Write_PayloadsOfSeveralMegabytes_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var header = Random(3 * 1024 * 1024, 1);
        var trial = Random(5 * 1024 * 1024, 2);

        var version = await store.WriteAsync("large", new StudyWrite(header, [new StoredStudyTrial(1, trial), new StoredStudyTrial(2, [])]), 0);

        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("large"));
        Assert.Equal(version, study.Version);
        Assert.Equal(header, study.Header);
        Assert.Equal(trial, study.Trials[0].Payload);
        Assert.Empty(study.Trials[1].Payload);
    }

    [Fact]
    public async Task Write_TwoStudies_AreIsolatedFromEachOther()
    {
        var store = await CreateStoreAsync();
        var a = await store.WriteAsync("a", new StudyWrite(Bytes("ha"), [Trial(1, "a1"), Trial(2, "a2")]), 0);
        var b = await store.WriteAsync("b", new StudyWrite(Bytes("hb"), [Trial(1, "b1")]), 0);

        await store.WriteAsync("a", new StudyWrite(Bytes("ha'"), [Trial(1, "a1'"), Trial(3, "a3")]), a);
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.WriteAsync("b", StudyWrite.TrialsOnly(Trial(1, "x")), b + 1));

        var readB = Assert.IsType<StoredStudy>(await store.ReadAsync("b"));
        Assert.Equal((b, "hb"), (readB.Version, Encoding.UTF8.GetString(readB.Header)));
        AssertTrials(readB, (1, "b1"));
        AssertTrials(Assert.IsType<StoredStudy>(await store.ReadAsync("a")), (1, "a1'"), (2, "a2"), (3, "a3"));
    }

    [Fact]
    public async Task List_StudiesInTheOrderTheyWereFirstWritten_PageByPage()
    {
        var store = await CreateStoreAsync();
        var versions = new Dictionary<string, long>();
        foreach (var id in new[] { "zeta", "alpha", "mu", "beta", "omega" })
        {
            versions[id] = await store.WriteAsync(id, StudyWrite.HeaderOnly(Bytes(id)), 0);
        }

        await store.WriteAsync("alpha", StudyWrite.HeaderOnly(Bytes("later")), versions["alpha"]);

        Assert.Equal(["zeta", "alpha", "mu", "beta", "omega"], await store.ListAsync());
        Assert.Equal(["zeta", "alpha"], await store.ListAsync(limit: 2));
        Assert.Equal(["mu", "beta"], await store.ListAsync("alpha", 2));
        Assert.Equal(["omega"], await store.ListAsync("beta", 2));
        Assert.Empty(await store.ListAsync("omega", 2));
        Assert.Equal(["zeta", "alpha", "mu", "beta", "omega"], await store.ListAllAsync(pageSize: 2).ToListAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync("never-written"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(limit: 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(limit: StudyRecords.MaxListLimit + 1));
    }

    [Fact]
    public async Task Delete_AtTheStoredVersion_RemovesTheStudyAndANewOneContinuesItsVersions()
    {
        var store = await CreateStoreAsync();
        var first = await store.WriteAsync("first", StudyWrite.HeaderOnly(Bytes("f")), 0);
        var v1 = await store.WriteAsync("doomed", new StudyWrite(Bytes("h"), [Trial(1, "one"), Trial(2, "two")]), 0);
        var v2 = await store.WriteAsync("doomed", StudyWrite.TrialsOnly(Trial(3, "three")), v1);
        await store.WriteAsync("last", StudyWrite.HeaderOnly(Bytes("l")), 0);

        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.DeleteAsync("doomed", v1));
        Assert.NotNull(await store.ReadAsync("doomed"));
        Assert.True(await store.DeleteAsync("doomed", v2));

        Assert.Null(await store.ReadAsync("doomed"));
        Assert.Equal(["first", "last"], await store.ListAsync());
        Assert.Equal(["last"], await store.ListAsync("doomed"));
        Assert.False(await store.DeleteAsync("doomed", 0));
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.DeleteAsync("doomed", v2));
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.WriteAsync("doomed", StudyWrite.TrialsOnly(Trial(9, "zombie")), v2));

        var again = await store.WriteAsync("doomed", new StudyWrite(Bytes("new"), [Trial(7, "seven")]), 0);

        Assert.True(again > v2);
        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("doomed"));
        Assert.Equal((again, "new"), (study.Version, Encoding.UTF8.GetString(study.Header)));
        AssertTrials(study, (7, "seven"));
        Assert.Equal(["first", "doomed", "last"], await store.ListAsync());
        Assert.False(await store.DeleteAsync("never", 0));
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.DeleteAsync("first", first + 1));
        await Assert.ThrowsAsync<StudyVersionConflictException>(() => store.DeleteAsync("first", 0));
    }

    [Theory]
    [InlineData("it's a \"quoted\" study")]
    [InlineData("x'); DELETE FROM study_trials; DROP TABLE studies; --")]
    [InlineData("x\"; DROP TABLE hypertune_studies; --")]
    [InlineData("étude-研究-🚀-$1-?-@id")]
    [InlineData("  padded  ")]
    public async Task Write_StudyIdWithOddCharacters_RoundTripsAndTouchesNothingElse(string studyId)
    {
        var store = await CreateStoreAsync();
        var bystander = await store.WriteAsync("bystander", new StudyWrite(Bytes("b"), [Trial(1, "b1")]), 0);

        var version = await store.WriteAsync(studyId, new StudyWrite(Bytes("odd"), [Trial(1, "o1")]), 0);
        version = await store.WriteAsync(studyId, StudyWrite.TrialsOnly(Trial(2, "o2")), version);

        var study = Assert.IsType<StoredStudy>(await store.ReadAsync(studyId));
        Assert.Equal((version, "odd"), (study.Version, Encoding.UTF8.GetString(study.Header)));
        AssertTrials(study, (1, "o1"), (2, "o2"));
        Assert.Equal(["bystander", studyId], await store.ListAsync());
        Assert.Equal([studyId], await store.ListAsync("bystander"));
        var other = Assert.IsType<StoredStudy>(await store.ReadAsync("bystander"));
        Assert.Equal(bystander, other.Version);
        AssertTrials(other, (1, "b1"));
        Assert.Null(await store.ReadAsync(studyId.Trim() == studyId ? studyId + " " : studyId.Trim()));
    }

    [Fact]
    public async Task Write_InvalidInput_ThrowsArgumentExceptionAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var version = await store.WriteAsync("valid", new StudyWrite(Bytes("h"), [Trial(1, "one")]), 0);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("", StudyWrite.HeaderOnly(Bytes("h")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("   ", StudyWrite.HeaderOnly(Bytes("h")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("nul\0id", StudyWrite.HeaderOnly(Bytes("h")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("lone\uD800surrogate", StudyWrite.HeaderOnly(Bytes("h")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync(new string('x', StudyRecords.MaxStudyIdLength + 1), StudyWrite.HeaderOnly(Bytes("h")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("headless", StudyWrite.TrialsOnly(Trial(1, "x")), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("valid", StudyWrite.TrialsOnly(Trial(2, "two"), Trial(-1, "x")), version));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("valid", StudyWrite.TrialsOnly(Trial(2, "two"), new StoredStudyTrial(3, null!)), version));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("valid", StudyWrite.TrialsOnly(Trial(2, "two")), -1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("valid", null!, version));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ReadAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.DeleteAsync("valid", -1));

        var study = Assert.IsType<StoredStudy>(await store.ReadAsync("valid"));
        Assert.Equal(version, study.Version);
        AssertTrials(study, (1, "one"));
        Assert.Equal(["valid"], await store.ListAsync());
    }
}
