using System.ComponentModel.DataAnnotations;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// Who may use a HyperTune process's HTTP endpoint (the Coordinator's API and dashboard, a silo's Orleans dashboard).
/// Bound from <c>HyperTune:Security</c>; checked at start.
/// <para>
/// With no token configured and the endpoint bound to loopback only (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>),
/// anyone on this machine may use it, as before. Once a token is configured, every request needs it (loopback
/// included): a bearer header (<c>Authorization: Bearer …</c>) or the sign-in cookie the <c>/login</c> page sets.
/// An endpoint bound beyond loopback with no token refuses to start, unless <see cref="AllowAnonymous"/> says
/// otherwise. <c>/health</c>, <c>/alive</c> and <c>/login</c> stay open and reveal nothing internal.
/// </para>
/// </summary>
public sealed class HyperTuneSecurityOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Security";

    /// <summary>The shortest token accepted: 16 characters. A generated one should have 128 bits of entropy or more.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>The longest token accepted: 512 characters.</summary>
    public const int MaximumTokenLength = 512;

    /// <summary>
    /// A token that grants every right (set it with the environment variable <c>HyperTune__Security__Token</c> or a
    /// secret store, never in a file under version control). Default: none.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// More tokens, each granting every right — one per person or tool, so one can be revoked (removed) alone; a
    /// revoked token's sign-in cookies stop working at their next request. Default: none.
    /// </summary>
    public string[] Tokens { get; set; } = [];

    /// <summary>
    /// Serve an endpoint bound beyond loopback without any token: anyone who can reach it may stop every study. For a
    /// network you trust completely, or a proxy that authenticates; a warning is logged at start. Default false: such
    /// an endpoint refuses to start.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Host names (without port) the endpoint answers to besides <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>,
    /// this machine's name and its interface addresses — e.g. the public DNS name of the Coordinator. A request whose
    /// <c>Host</c> header names anything else gets 400 (a defence against DNS rebinding). <c>*.example.com</c> allows
    /// the subdomains. Default: none.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Origins (<c>https://tools.example.com</c>) whose pages may send changes (POST, PUT, PATCH, DELETE, WebSocket)
    /// from a browser besides the endpoint's own pages. Default: none.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser stays signed in after its last request (sliding). Default 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Every configured token: <see cref="Token"/>, then <see cref="Tokens"/>.</summary>
    public IReadOnlyList<string> EffectiveTokens =>
        [.. (string.IsNullOrEmpty(Token) ? Tokens : [Token, .. Tokens]).Where(token => !string.IsNullOrEmpty(token))];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A token never appears in a message: only the setting that holds it.
        var named = new List<(string Setting, string? Value)>();
        if (!string.IsNullOrEmpty(Token))
        {
            named.Add(($"{SectionName}:Token", Token));
        }

        named.AddRange(Tokens.Select((token, i) => ($"{SectionName}:Tokens:{i}", (string?)token)));
        foreach (var (setting, token) in named)
        {
            if (token is null || token.Length < MinimumTokenLength || token.Length > MaximumTokenLength)
            {
                yield return new ValidationResult(
                    $"{setting} must be {MinimumTokenLength} to {MaximumTokenLength} characters long (a random one: 'openssl rand -hex 32').",
                    [nameof(Tokens)]);
            }
            else if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                yield return new ValidationResult($"{setting} contains a space or control character; a token is one word.", [nameof(Tokens)]);
            }
        }

        foreach (var host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
            {
                yield return new ValidationResult(
                    $"{SectionName}:AllowedHosts holds '{host}'; give a host name without scheme, port or path, e.g. hypertune.example.com.",
                    [nameof(AllowedHosts)]);
            }
        }

        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
            {
                yield return new ValidationResult(
                    $"{SectionName}:AllowedOrigins holds '{origin}'; give an origin such as https://tools.example.com (scheme, host and port only).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
