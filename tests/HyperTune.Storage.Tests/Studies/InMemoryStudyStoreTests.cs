using HyperTune.Storage.Studies;

namespace HyperTune.Storage.Tests.Studies;

public sealed class InMemoryStudyStoreTests : StudyStoreContract
{
    protected override Task<IStudyStore> CreateStoreAsync() => Task.FromResult<IStudyStore>(new InMemoryStudyStore());

    protected override Task<IStudyStore> OpenAgainAsync(IStudyStore store) => Task.FromResult(store);

    [Fact]
    public async Task ReadAndWrite_CallerChangesItsArrays_StoredPayloadsStayAsWritten()
    {
        var store = new InMemoryStudyStore();
        var header = Bytes("header");
        var payload = Bytes("payload");
        await store.WriteAsync("s", new StudyWrite(header, [new StoredStudyTrial(1, payload)]), 0);
        header[0] = payload[0] = (byte)'X';

        var read = (await store.ReadAsync("s"))!;
        read.Header[1] = read.Trials[0].Payload[1] = (byte)'Y';

        var again = (await store.ReadAsync("s"))!;
        Assert.Equal(Bytes("header"), again.Header);
        Assert.Equal(Bytes("payload"), again.Trials[0].Payload);
    }
}
