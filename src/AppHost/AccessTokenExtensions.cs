namespace HyperTune.AppHost;

/// <summary>
/// The local cluster's access token: an Aspire secret parameter, generated on the first run (32 letters and digits,
/// about 190 bits) and kept in the AppHost's user secrets so it survives restarts. Set it yourself with
/// <c>--Parameters:hypertune-token=…</c> or <c>dotnet user-secrets</c>.
/// </summary>
internal static class AccessTokenExtensions
{
    /// <summary>The parameter's name (configuration key <c>Parameters:hypertune-token</c>).</summary>
    public const string ParameterName = "hypertune-token";

    /// <summary>The environment variable that hands it to the silos and the Coordinator (<c>HyperTune:Security:Token</c>).</summary>
    public const string EnvironmentVariable = "HyperTune__Security__Token";

    /// <summary>Adds the token parameter.</summary>
    public static IResourceBuilder<ParameterResource> AddAccessToken(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter(ParameterName, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true)
            .WithDescription("The HyperTune cluster's access token: the CLI's HYPERTUNE_TOKEN, the dashboards' sign-in.");

    /// <summary>Hands the token to a silo or the Coordinator: their HTTP endpoints then require it.</summary>
    public static IResourceBuilder<ProjectResource> WithAccessToken(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> token) =>
        project.WithEnvironment(EnvironmentVariable, token);

    /// <summary>The token's value.</summary>
    public static async Task<string> ValueAsync(this IResourceBuilder<ParameterResource> token, CancellationToken cancellationToken) =>
        await token.Resource.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"The parameter {ParameterName} has no value.");

    /// <summary>
    /// A link that signs a browser in and opens <paramref name="returnPath"/>: the token rides in the fragment, which
    /// the browser never sends to any server (see the <c>/login</c> page).
    /// </summary>
    public static string SignInUrl(string baseUrl, string returnPath, string token) =>
        baseUrl.TrimEnd('/') + "/login" + (returnPath == "/" ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnPath)) + "#token=" + Uri.EscapeDataString(token);
}
