using Microsoft.AspNetCore.Authorization;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// The one rule of every endpoint not marked anonymous: a proven token or sign-in cookie, whenever
/// <see cref="EndpointExposure.RequiresCredential"/> says one is needed (<see cref="CredentialRequirementHandler"/>).
/// </summary>
internal sealed class CredentialRequirement : IAuthorizationRequirement
{
    /// <summary>The policy every endpoint gets unless it says otherwise (the default and fallback policy).</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder().AddRequirements(new CredentialRequirement()).Build();
}
