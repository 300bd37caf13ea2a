using Microsoft.Extensions.Logging;

namespace HyperTune.ServiceDefaults.Diagnostics;

/// <summary>The shared log messages of every HyperTune process, source-generated. None of them carries a token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "HTTP endpoint {Addresses}: reachable from other machines {Reachable}; credential required {CredentialRequired} ({Tokens} token(s) configured)")]
    public static partial void EndpointListening(ILogger logger, string addresses, bool reachable, bool credentialRequired, int tokens);

    [LoggerMessage(2, LogLevel.Warning, "HTTP endpoint {Addresses} is reachable from other machines and serves anyone without a token (HyperTune:Security:AllowAnonymous is true)")]
    public static partial void AnonymousExposure(ILogger logger, string addresses);

    [LoggerMessage(3, LogLevel.Critical, "{Message}")]
    public static partial void ExposureRefused(ILogger logger, string message);

    [LoggerMessage(4, LogLevel.Information, "Signed in with token {KeyId} from {RemoteAddress}")]
    public static partial void SignedIn(ILogger logger, string keyId, string? remoteAddress);

    [LoggerMessage(5, LogLevel.Warning, "Sign-in refused: wrong token from {RemoteAddress}")]
    public static partial void SignInRefused(ILogger logger, string? remoteAddress);

    [LoggerMessage(6, LogLevel.Information, "Request refused: {Method} {Path} from origin {Origin} (fetch site {FetchSite})")]
    public static partial void CrossOriginRefused(ILogger logger, string method, string path, string? origin, string? fetchSite);

    [LoggerMessage(7, LogLevel.Information, "Cluster TLS: this process presents certificate {Subject} ({Thumbprint}), expiring {NotAfter:u}, and trusts {Anchors} root(s)")]
    public static partial void ClusterTlsEnabled(ILogger logger, string subject, string thumbprint, DateTime notAfter, int anchors);
}
