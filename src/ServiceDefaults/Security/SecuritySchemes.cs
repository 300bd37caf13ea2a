namespace HyperTune.ServiceDefaults.Security;

/// <summary>The authentication schemes of a HyperTune HTTP endpoint.</summary>
public static class SecuritySchemes
{
    /// <summary>
    /// The default scheme: a request with an <c>Authorization</c> header is judged by <see cref="Token"/>, any other by
    /// <see cref="Cookie"/>.
    /// </summary>
    public const string Default = "HyperTune";

    /// <summary>A bearer token in the <c>Authorization</c> header (the CLI, scripts, the AppHost's commands).</summary>
    public const string Token = "HyperTune.Token";

    /// <summary>The sign-in cookie the <c>/login</c> page sets for a browser.</summary>
    public const string Cookie = "HyperTune.Cookie";

    /// <summary>The claim that names the token a principal proved (its key id, never its value).</summary>
    public const string TokenKeyIdClaim = "hypertune:token";
}
