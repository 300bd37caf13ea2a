using System.Text.Json;
using HyperTune.Coordinator.Dashboard.Forms;

namespace HyperTune.Dashboard.Tests.Forms;

public sealed class SpecFormTests
{
    [Theory]
    [InlineData("$.budget.max_trials", "$.budget.max_trials")]
    [InlineData("$.search_space.learning_rate.low", "$.search_space")]
    [InlineData("$.search_space", "$.search_space")]
    [InlineData("$.scheduler.grace_period", "$.scheduler.grace_period")]
    [InlineData("$.scheduler.unknown_option", "$.scheduler.kind")]
    [InlineData("$.dataset", null)]
    [InlineData("$.name_other", null)]
    public void FieldOf_ProblemPath_FindsTheFieldItConcerns(string path, string? field)
    {
        var form = new SpecForm();
        form.Values["$.scheduler.kind"] = "asha";

        Assert.Equal(field, form.FieldOf(path));
    }

    [Fact]
    public void ToJson_Defaults_MakeANestedSpecWithNumbers()
    {
        var (json, errors) = new SpecForm().ToJson();

        Assert.Empty(errors);
        using var spec = JsonDocument.Parse(json!);
        Assert.Equal(8, spec.RootElement.GetProperty("budget").GetProperty("max_trials").GetInt32());
        Assert.Equal("digits", spec.RootElement.GetProperty("dataset").GetProperty("kind").GetString());
        Assert.False(spec.RootElement.GetProperty("dataset").TryGetProperty("path", out _)); // empty fields are left out
        Assert.Equal("none", spec.RootElement.GetProperty("scheduler").GetProperty("kind").GetString());
    }

    [Fact]
    public void ToJson_SearcherAndSchedulerOptions_AreTypedAndEmptyOnesLeftOut()
    {
        var form = new SpecForm();
        form.Values["$.searcher.kind"] = "tpe";
        form.Values["$.searcher.n_startup_trials"] = "5";
        form.Values["$.searcher.constant_liar"] = "false";
        form.Values["$.scheduler.kind"] = "pbt";
        form.Values["$.scheduler.perturbation_factors"] = "[0.5, 2]";
        form.Values["$.scheduler.hyperparam_mutations"] = "";
        form.Values["$.scheduler.grace_period"] = "4"; // not a pbt option: not sent

        var (json, errors) = form.ToJson();

        Assert.Empty(errors);
        using var spec = JsonDocument.Parse(json!);
        var searcher = spec.RootElement.GetProperty("searcher");
        Assert.Equal(5, searcher.GetProperty("n_startup_trials").GetInt32());
        Assert.Equal(JsonValueKind.False, searcher.GetProperty("constant_liar").ValueKind);
        var scheduler = spec.RootElement.GetProperty("scheduler");
        Assert.Equal([0.5, 2], scheduler.GetProperty("perturbation_factors").EnumerateArray().Select(e => e.GetDouble()));
        Assert.False(scheduler.TryGetProperty("hyperparam_mutations", out _));
        Assert.False(scheduler.TryGetProperty("grace_period", out _));
    }

    [Fact]
    public void ToJson_ListOptionNotAList_NamesTheField()
    {
        var form = new SpecForm();
        form.Values["$.scheduler.kind"] = "pbt";
        form.Values["$.scheduler.perturbation_factors"] = "0.8";

        var (json, errors) = form.ToJson();

        Assert.Null(json);
        Assert.Contains("JSON list", errors["$.scheduler.perturbation_factors"], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_SearchSpaceNotJson_NamesTheFieldWithALineAndColumnFromOne()
    {
        var form = new SpecForm();
        form.Values["$.search_space"] = "{\n  \"a\": 1,\n  \"b\": }";

        var (json, errors) = form.ToJson();

        Assert.Null(json);
        Assert.StartsWith("is not valid JSON: line 3, column 8: ", errors["$.search_space"], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_CsvFieldsOfAnotherDataset_AreLeftOut()
    {
        var form = new SpecForm();
        form.Values["$.dataset.path"] = "data/x.csv";

        using var spec = JsonDocument.Parse(form.ToJson().Json!);

        Assert.False(spec.RootElement.GetProperty("dataset").TryGetProperty("path", out _));
    }

    [Fact]
    public void SetLearningRateRange_ReplacesTheDomainAndKeepsTheRest()
    {
        var form = new SpecForm();

        form.SetLearningRateRange(1e-3, 3e-2);

        using var space = JsonDocument.Parse(form.Values["$.search_space"]);
        var rate = space.RootElement.GetProperty("learning_rate");
        Assert.Equal("loguniform", rate.GetProperty("type").GetString());
        Assert.Equal((1e-3, 3e-2), (rate.GetProperty("low").GetDouble(), rate.GetProperty("high").GetDouble()));
        Assert.True(space.RootElement.TryGetProperty("optimizer", out _));
    }
}
