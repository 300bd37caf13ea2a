using Microsoft.AspNetCore.Authorization;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>Meets <see cref="CredentialRequirement"/> for an authenticated request, or for any while no credential is needed.</summary>
internal sealed class CredentialRequirementHandler(EndpointExposure exposure) : AuthorizationHandler<CredentialRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CredentialRequirement requirement)
    {
        if (!exposure.RequiresCredential || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
