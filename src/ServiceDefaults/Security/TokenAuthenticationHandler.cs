using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the configured tokens (<see cref="AccessTokens"/>,
/// constant-time). Its challenge is 401 with <c>WWW-Authenticate: Bearer</c> and a problem body; the token itself is
/// never logged or echoed.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!tokens.TryMatch(header[BearerPrefix.Length..].Trim(), out var keyId))
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not one this cluster accepts."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(TokenPrincipal.Create(keyId, Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AccessProblems.WriteUnauthorizedAsync(Context, wrongToken: result.Failure is not null);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.WriteForbiddenAsync(Context);
}
