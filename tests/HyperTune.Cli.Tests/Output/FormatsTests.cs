using System.Text.Json;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Tests.Output;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0.97123, "0.9712")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0005, "5e-4")]
    [InlineData(0.000123456, "1.235e-4")]
    [InlineData(1e-5, "1e-5")]
    [InlineData(0, "0")]
    [InlineData(12.5, "12.5")]
    [InlineData(9999.5, "1e4")]
    [InlineData(123456, "1.235e5")]
    [InlineData(double.NaN, "-")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Number_Value_IsShortAndCultureInvariant(double value, string expected) =>
        Assert.Equal(expected, Formats.Number(value));

    [Theory]
    [InlineData(1.5, "1.5s")]
    [InlineData(245, "4m05s")]
    [InlineData(3720, "1h02m")]
    public void Seconds_Duration_ReadsAsMinutesAndHours(double seconds, string expected) =>
        Assert.Equal(expected, Formats.Seconds(seconds));

    [Fact]
    public void Config_MixedValues_AreSortedPairs()
    {
        var config = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "optimizer": "adam", "learning_rate": 0.0001, "nesterov": false, "hidden_units": 64 }""")!;

        Assert.Equal("hidden_units=64, learning_rate=1e-4, nesterov=false, optimizer=adam", Formats.Config(config));
    }

    [Fact]
    public void Counts_States_FollowTheTrialLifeOrderAndSkipZeros()
    {
        var counts = new Dictionary<string, int> { ["Completed"] = 3, ["Running"] = 2, ["Failed"] = 0, ["Weird"] = 1 };

        Assert.Equal("Running 2, Completed 3, Weird 1", Formats.Counts(counts));
    }

    [Theory]
    [InlineData(3, 0, 1, 2, "3 running · 1 waiting")]
    [InlineData(0, 1, 2, 0, "1 paused · 2 waiting")]
    [InlineData(0, 0, 0, 5, "-")]
    public void Activity_Counts_TellsRunningPausedAndWaitingApart(int running, int paused, int pending, int completed, string expected)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["running"] = running, ["Paused"] = paused, ["Pending"] = pending, ["Completed"] = completed };

        Assert.Equal(expected, Formats.Activity(counts));
    }
}
