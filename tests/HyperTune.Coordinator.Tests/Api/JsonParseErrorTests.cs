using System.Text.Json;
using HyperTune.Coordinator.Api;

namespace HyperTune.Coordinator.Tests.Api;

public sealed class JsonParseErrorTests
{
    [Theory]
    [InlineData("{\n  \"name\": \"x\",\n  \"budget\": }", "line 3, column 13: '}' is an invalid start of a value.")]
    [InlineData("{ \"é\": tru }", "line 1, column 11: ")]  // columns count characters: the byte position is 12
    [InlineData("{ \"a\": 1", "line 1, column 9: ")]
    public void Describe_ParserError_GivesLineAndColumnFromOneAndTheReasonWithoutDotNetPositions(string text, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));

        var described = JsonParseError.Describe(error, text);

        Assert.StartsWith(expected, described, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", described, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", described, StringComparison.Ordinal);
    }
}
