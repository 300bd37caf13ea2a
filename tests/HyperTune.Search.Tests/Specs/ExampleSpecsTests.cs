using HyperTune.Testing;
using HyperTune.Search.Specs;

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
}
