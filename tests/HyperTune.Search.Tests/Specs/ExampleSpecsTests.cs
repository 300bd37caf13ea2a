using HyperTune.Testing;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs;

public sealed class ExampleSpecsTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "examples"), "*.json"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_ShippedExample_IsValid(string file)
    {
        var result = StudySpecParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", file)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void DigitsExample_HasTheSeedSearchSpace()
    {
        var spec = StudySpecParser.ParseOrThrow(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "digits.json")));

        string[] expected = ["learning_rate", "batch_size", "optimizer", "hidden_layers", "hidden_units", "activation", "dropout", "weight_decay", "schedule", "gamma"];
        Assert.All(expected, name => Assert.True(spec.SearchSpace.TryGet(name, out _), name));
    }

    [Fact]
    public void DigitsLrRangeTestExample_RangeTestOfAdamAtTheSpacesCentre()
    {
        var spec = StudySpecParser.ParseOrThrow(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "digits-lr-range-test.json")));

        var rangeTest = Assert.IsType<LearningRateRangeTestSpec>(spec.LearningRateRangeTest);
        Assert.True(rangeTest.SetBounds);
        Assert.Equal(new LearningRateRangeTestOptions(), rangeTest.Options);
        Assert.Equal(
            TrialConfig.FromDictionary(new Dictionary<string, object>
            {
                ["activation"] = "relu", ["batch_size"] = 64L, ["dropout"] = 0.25, ["hidden_layers"] = 2L, ["hidden_units"] = 64L,
                ["learning_rate"] = Math.Sqrt(1e-5), ["optimizer"] = "adam", ["weight_decay"] = Math.Sqrt(1e-6) * Math.Sqrt(1e-2),
            }),
            rangeTest.ConfigFor(spec.SearchSpace));
        Assert.Equal("tpe", spec.Searcher.Kind);
        Assert.Equal("asha", spec.Scheduler.Kind);
    }
}
