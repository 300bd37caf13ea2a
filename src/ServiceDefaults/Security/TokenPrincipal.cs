using System.Security.Claims;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>The principal of a request that proved a token: named by the token's key id, never by its value.</summary>
internal static class TokenPrincipal
{
    public static ClaimsPrincipal Create(string keyId, string authenticationType) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "token-" + keyId), new Claim(SecuritySchemes.TokenKeyIdClaim, keyId)],
        authenticationType));
}
