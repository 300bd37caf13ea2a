using HyperTune.Storage.GrainState;
using HyperTune.Storage.Sqlite;

namespace HyperTune.Storage.Tests.Sqlite;

public sealed class SqliteGrainStateTableTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private SqliteGrainStateTable NewTable(string service = "svc") => new(new SqliteDatabase(_directory.NewDatabasePath()), service);

    [Fact]
    public async Task WriteRead_RoundTripWithGrowingETag()
    {
        var table = NewTable();
        Assert.Null(await table.ReadAsync("trial", "t1"));

        var first = await table.WriteAsync("trial", "t1", [1, 2, 3], expectedETag: null);
        var second = await table.WriteAsync("trial", "t1", [4], first);

        Assert.NotEqual(first, second);
        var read = await table.ReadAsync("trial", "t1");
        Assert.Equal(second, read!.ETag);
        Assert.Equal(new byte[] { 4 }, read.Payload);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsConflictAndKeepsTheStoredState()
    {
        var table = NewTable();
        var first = await table.WriteAsync("trial", "t1", [1], null);
        await table.WriteAsync("trial", "t1", [2], first);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync("trial", "t1", [3], first));
        await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync("trial", "t1", [3], null));

        Assert.Equal(first, conflict.ExpectedETag);
        Assert.Equal(new byte[] { 2 }, (await table.ReadAsync("trial", "t1"))!.Payload);
    }

    [Fact]
    public async Task Clear_KeepsAVersionSoAnOldETagCannotWriteAfterwards()
    {
        var table = NewTable();
        var first = await table.WriteAsync("study", "s1", [1], null);

        var cleared = await table.ClearAsync("study", "s1", first);

        var read = await table.ReadAsync("study", "s1");
        Assert.Null(read!.Payload);
        Assert.Equal(cleared, read.ETag);
        await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync("study", "s1", [9], first));
        Assert.NotNull(await table.WriteAsync("study", "s1", [9], cleared));
    }

    [Fact]
    public async Task Clear_NeverWritten_IsANoOp()
    {
        var table = NewTable();

        Assert.Null(await table.ClearAsync("study", "none", null));
        Assert.Null(await table.ReadAsync("study", "none"));
    }

    [Fact]
    public async Task Rows_OfAnotherService_AreNotSeen()
    {
        var path = _directory.NewDatabasePath();
        await new SqliteGrainStateTable(new SqliteDatabase(path), "a").WriteAsync("trial", "t1", [1], null);

        Assert.Null(await new SqliteGrainStateTable(new SqliteDatabase(path), "b").ReadAsync("trial", "t1"));
    }

    [Fact]
    public async Task Write_TwoProcessesRacingFromTheSameETag_ExactlyOneWins()
    {
        var path = _directory.NewDatabasePath();
        var a = new SqliteGrainStateTable(new SqliteDatabase(path), "svc");
        var b = new SqliteGrainStateTable(new SqliteDatabase(path, TimeSpan.FromSeconds(29)), "svc");
        var etag = await a.WriteAsync("trial", "race", [0], null);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? a : b).WriteAsync("trial", "race", [(byte)i], etag);
                return true;
            }
            catch (GrainStateConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(won => won));
    }
}
