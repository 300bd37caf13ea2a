using System.Net;
using System.Text;
using HyperTune.Cli.Api;

namespace HyperTune.Cli.Tests.Api;

public sealed class ProblemDetailsExceptionTests
{
    private static Task<ProblemDetailsException> ReadAsync(HttpStatusCode status, string body)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/problem+json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "http://h/api/studies"),
        };
        return ProblemDetailsException.FromResponseAsync(response, CancellationToken.None);
    }

    [Fact]
    public async Task FromResponseAsync_ContractErrors_ListsFieldsAfterTheDetail()
    {
        var problem = await ReadAsync(
            HttpStatusCode.BadRequest,
            """{ "title": "Bad", "status": 400, "detail": "2 problems", "errors": [{ "field": "$.a", "message": "x" }, { "field": "$.b", "message": "y" }] }""");

        Assert.Equal("2 problems: $.a: x; $.b: y", problem.Message);
        Assert.Equal([new ProblemField("$.a", "x"), new ProblemField("$.b", "y")], problem.Errors);
    }

    [Fact]
    public async Task FromResponseAsync_AspNetValidationErrors_AreReadToo()
    {
        var problem = await ReadAsync(
            HttpStatusCode.BadRequest,
            """{ "title": "One or more validation errors occurred.", "status": 400, "errors": { "factor": ["must be positive", "must be finite"] } }""");

        Assert.Equal("One or more validation errors occurred.: factor: must be positive, must be finite", problem.Message);
    }

    [Fact]
    public async Task FromResponseAsync_MultiLineDetail_BecomesOneLine()
    {
        var problem = await ReadAsync(HttpStatusCode.Conflict, """{ "title": "Conflict", "detail": "first\nsecond\r\nthird" }""");

        Assert.Equal("first second third", problem.Message);
    }

    [Fact]
    public async Task FromResponseAsync_NoDetailNorTitle_DescribesTheStatus()
    {
        var problem = await ReadAsync(HttpStatusCode.NotFound, "{}");

        Assert.Equal("POST /api/studies answered 404 Not Found", problem.Message);
    }

    [Fact]
    public async Task FromResponseAsync_ManyErrors_CountsTheRest()
    {
        var errors = string.Join(", ", Enumerable.Range(1, 5).Select(i => $$"""{ "field": "$.f{{i}}", "message": "m{{i}}" }"""));

        var problem = await ReadAsync(HttpStatusCode.BadRequest, $$"""{ "detail": "bad", "errors": [{{errors}}] }""");

        Assert.Equal("bad: $.f1: m1; $.f2: m2; $.f3: m3; and 2 more", problem.Message);
        Assert.Equal(5, problem.Errors.Count);
    }
}
