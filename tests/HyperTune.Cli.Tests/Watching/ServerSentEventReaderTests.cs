using HyperTune.Cli.Tests.Fakes;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Tests.Watching;

public sealed class ServerSentEventReaderTests
{
    private static async Task<List<ServerSentEvent>> ReadAsync(Stream stream)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEventReader.FromStream(stream).ReadAllAsync())
        {
            events.Add(message);
        }

        return events;
    }

    [Fact]
    public async Task ReadAllAsync_EventsSplitAcrossChunks_ReassemblesEachEvent()
    {
        var stream = ChunkedStream.FromText(["event: tri", "al\nda", "ta: {\"a\"", ":1}\n", "\nevent: study\ndata: {}\n\n"]);

        var events = await ReadAsync(stream);

        Assert.Equal([new ServerSentEvent("trial", "{\"a\":1}"), new ServerSentEvent("study", "{}")], events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ReadAllAsync_StreamCutIntoAnyByteSize_ReadsTheSameEvents(int size)
    {
        var text = Samples.CompletedStudyStream() + Samples.Sse("note", "{\"text\":\"größer → kleiner\"}");

        var events = await ReadAsync(ChunkedStream.Split(text, size));

        Assert.Equal(["study", "trial", "epoch", "epoch", "trial", "study", "note"], events.Select(e => e.Type));
        Assert.Equal("{\"text\":\"größer → kleiner\"}", events[^1].Data);
    }

    [Fact]
    public async Task ReadAllAsync_MultiLineData_JoinsLinesWithNewline()
    {
        var stream = ChunkedStream.FromText(["event: trial\ndata: {\ndata:   \"a\": 1\ndata: }\n\n"]);

        var message = Assert.Single(await ReadAsync(stream));

        Assert.Equal("{\n  \"a\": 1\n}", message.Data);
    }

    [Fact]
    public async Task ReadAllAsync_CommentsAndUnknownFields_AreIgnored()
    {
        var stream = ChunkedStream.FromText([": connected\n\n:ping\nretry: 1000\nfoo: bar\nevent: study\ndata: {}\n\n: bye\n\n"]);

        var message = Assert.Single(await ReadAsync(stream));

        Assert.Equal(new ServerSentEvent("study", "{}"), message);
    }

    [Fact]
    public async Task ReadAllAsync_CrLfAndCrLineEndings_AreLineEndings()
    {
        var stream = ChunkedStream.FromText(["event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r"]);

        var events = await ReadAsync(stream);

        Assert.Equal([new ServerSentEvent("a", "1"), new ServerSentEvent("b", "2")], events);
    }

    [Fact]
    public async Task ReadAllAsync_NoSpaceAfterColon_KeepsWholeValue()
    {
        var stream = ChunkedStream.FromText(["event:epoch\ndata:x\ndata:  y\n\n"]);

        var message = Assert.Single(await ReadAsync(stream));

        Assert.Equal(new ServerSentEvent("epoch", "x\n y"), message);
    }

    [Fact]
    public async Task ReadAllAsync_EventWithoutType_IsMessage()
    {
        var message = Assert.Single(await ReadAsync(ChunkedStream.FromText(["data: hi\n\n"])));

        Assert.Equal(ServerSentEventReader.DefaultEventType, message.Type);
    }

    [Fact]
    public async Task ReadAllAsync_EventWithoutData_IsNotDispatched()
    {
        var events = await ReadAsync(ChunkedStream.FromText(["event: study\n\nevent: trial\ndata: {}\n\n"]));

        Assert.Equal([new ServerSentEvent("trial", "{}")], events);
    }

    [Fact]
    public async Task ReadAllAsync_UnfinishedEventAtEnd_IsDropped()
    {
        var events = await ReadAsync(ChunkedStream.FromText(["event: a\ndata: 1\n\nevent: b\ndata: 2\n"]));

        Assert.Equal([new ServerSentEvent("a", "1")], events);
    }

    [Fact]
    public async Task ReadAllAsync_IdField_IsCarriedToLaterEvents()
    {
        var events = await ReadAsync(ChunkedStream.FromText(["id: 7\ndata: a\n\ndata: b\n\n"]));

        Assert.Equal(["7", "7"], events.Select(e => e.LastEventId));
    }

    [Fact]
    public async Task ReadAllAsync_ByteOrderMark_IsSkipped()
    {
        var stream = new ChunkedStream([[0xEF, 0xBB, 0xBF], "event: a\ndata: 1\n\n"u8.ToArray()]);

        var message = Assert.Single(await ReadAsync(stream));

        Assert.Equal("a", message.Type);
    }

    [Fact]
    public async Task ReadAllAsync_DroppedConnection_ThrowsIOExceptionAfterCompleteEvents()
    {
        var stream = ChunkedStream.FromText(["event: a\ndata: 1\n\nevent: b\nda"], dropAtEnd: true);
        var events = new List<ServerSentEvent>();

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var message in ServerSentEventReader.FromStream(stream).ReadAllAsync())
            {
                events.Add(message);
            }
        });

        Assert.Equal([new ServerSentEvent("a", "1")], events);
    }
}
