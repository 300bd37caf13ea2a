using HyperTune.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Tests.Security;

public sealed class AccessTokensTests
{
    private const string First = "first-token-0123456789";
    private const string Second = "second-token-0123456789";

    private readonly AccessTokens _tokens = new(Options.Create(new HyperTuneSecurityOptions { Token = First, Tokens = [Second] }));

    [Theory]
    [InlineData(First)]
    [InlineData(Second)]
    public void TryMatch_AConfiguredToken_FindsItsKeyId(string token)
    {
        Assert.True(_tokens.TryMatch(token, out var keyId));
        Assert.Equal(16, keyId.Length);
        Assert.DoesNotContain(token, keyId, StringComparison.Ordinal);
        Assert.True(_tokens.IsCurrent(keyId));
    }

    [Theory]
    [InlineData("first-token-012345678")]
    [InlineData("first-token-01234567890")]
    [InlineData("FIRST-TOKEN-0123456789")]
    [InlineData("")]
    [InlineData(null)]
    public void TryMatch_AnythingElse_FindsNothing(string? token) => Assert.False(_tokens.TryMatch(token, out _));

    [Fact]
    public void TryMatch_TwoTokens_HaveDifferentKeyIds()
    {
        _tokens.TryMatch(First, out var first);
        _tokens.TryMatch(Second, out var second);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void IsCurrent_KeyIdOfARemovedToken_False()
    {
        _tokens.TryMatch(Second, out var removed);
        var afterRotation = new AccessTokens(Options.Create(new HyperTuneSecurityOptions { Token = First }));

        Assert.False(afterRotation.IsCurrent(removed));
    }

    [Fact]
    public void IsEmpty_NoToken_True() => Assert.True(new AccessTokens(Options.Create(new HyperTuneSecurityOptions())).IsEmpty);
}
