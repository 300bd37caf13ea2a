using System.ComponentModel.DataAnnotations;
using HyperTune.ServiceDefaults.Security;

namespace HyperTune.ServiceDefaults.Tests.Security;

public sealed class HyperTuneSecurityOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(Problems(new HyperTuneSecurityOptions()));

    [Theory]
    [InlineData("too-short")]
    [InlineData("has a space in it 0123456789")]
    [InlineData("tab\tinside-0123456789")]
    public void Validate_BadToken_NamesTheSettingButNeverTheToken(string token)
    {
        var problems = Problems(new HyperTuneSecurityOptions { Tokens = ["good-token-0123456789", token] });

        var problem = Assert.Single(problems);
        Assert.StartsWith("HyperTune:Security:Tokens:1 ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(token, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hypertune.example.org")]
    [InlineData("hypertune.example.org/path")]
    [InlineData(" ")]
    public void Validate_AllowedHostWithSchemeOrPath_IsRefused(string host) =>
        Assert.Contains(Problems(new HyperTuneSecurityOptions { AllowedHosts = [host] }), p => p.Contains("AllowedHosts", StringComparison.Ordinal));

    [Theory]
    [InlineData("tools.example.org")]
    [InlineData("https://tools.example.org/page")]
    [InlineData("ftp://tools.example.org")]
    public void Validate_AllowedOriginNotAnOrigin_IsRefused(string origin) =>
        Assert.Contains(Problems(new HyperTuneSecurityOptions { AllowedOrigins = [origin] }), p => p.Contains("AllowedOrigins", StringComparison.Ordinal));

    [Fact]
    public void EffectiveTokens_TokenAndTokens_AllOfThem()
    {
        var options = new HyperTuneSecurityOptions { Token = "one-0123456789abcdef", Tokens = ["two-0123456789abcdef", ""] };

        Assert.Equal(["one-0123456789abcdef", "two-0123456789abcdef"], options.EffectiveTokens);
    }

    private static List<string> Problems(HyperTuneSecurityOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
