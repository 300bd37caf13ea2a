using System.Net;
using System.Text.Json;

namespace HyperTune.Coordinator.Tests;

/// <summary>Asserts on RFC 7807 problem answers.</summary>
internal static class ProblemAssert
{
    /// <summary>
    /// Asserts <paramref name="response"/> is a problem with <paramref name="status"/> whose title and detail mention each
    /// of <paramref name="mentions"/> (case-insensitive); returns the problem.
    /// </summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var text = problem.GetProperty("title").GetString() + " " + (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        foreach (var mention in mentions)
        {
            Assert.True(text.Contains(mention, StringComparison.OrdinalIgnoreCase), $"The problem does not mention '{mention}': {body}");
        }

        return problem;
    }

    /// <summary>The <c>errors</c> of a 400 problem as (field, message) pairs.</summary>
    public static IReadOnlyList<(string Field, string Message)> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!))];

    /// <summary>Asserts a 400 whose errors name <paramref name="field"/>; returns the problem.</summary>
    public static async Task<JsonElement> IsBadFieldAsync(HttpResponseMessage response, string field, params string[] mentions)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest, mentions);
        Assert.Contains(Errors(problem), e => e.Field == field);
        return problem;
    }
}
