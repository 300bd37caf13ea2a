using System.Text.Json;
using HyperTune.Coordinator.Dashboard.Live;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class SpecFormTests
{
    [Theory]
    [InlineData("$.budget.max_trials", "$.budget.max_trials")]
    [InlineData("$.search_space.learning_rate.low", "$.search_space")]
    [InlineData("$.search_space", "$.search_space")]
    [InlineData("$.dataset", null)]
    [InlineData("$.name_other", null)]
    public void FieldOf_ProblemPath_FindsTheFieldItConcerns(string path, string? field) => Assert.Equal(field, SpecForm.FieldOf(path));

    [Fact]
    public void ToJson_Defaults_MakeANestedSpecWithNumbers()
    {
        var (json, errors) = new SpecForm().ToJson();

        Assert.Empty(errors);
        using var spec = JsonDocument.Parse(json!);
        Assert.Equal(8, spec.RootElement.GetProperty("budget").GetProperty("max_trials").GetInt32());
        Assert.Equal("digits", spec.RootElement.GetProperty("dataset").GetProperty("kind").GetString());
        Assert.False(spec.RootElement.GetProperty("dataset").TryGetProperty("path", out _)); // empty fields are left out
    }

    [Fact]
    public void ToJson_SearchSpaceNotJson_NamesTheField()
    {
        var form = new SpecForm();
        form.Values["$.search_space"] = "{ nope";

        var (json, errors) = form.ToJson();

        Assert.Null(json);
        Assert.Contains("$.search_space", errors.Keys);
    }
}
