using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// The configured tokens, kept only as SHA-256 hashes. A presented token is hashed and compared with every one of
/// them in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>), so neither its length nor how much
/// of it is right shows in the time taken. A token is named by a key id (a prefix of its hash), never by its value.
/// </summary>
internal sealed class AccessTokens
{
    private readonly byte[][] _hashes;

    public AccessTokens(IOptions<HyperTuneSecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hashes = [.. options.Value.EffectiveTokens.Select(Hash)];
    }

    /// <summary>True when no token is configured.</summary>
    public bool IsEmpty => _hashes.Length == 0;

    /// <summary>Finds the configured token equal to <paramref name="presented"/>; its key id if found.</summary>
    public bool TryMatch(string? presented, [NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (string.IsNullOrEmpty(presented) || presented.Length > HyperTuneSecurityOptions.MaximumTokenLength)
        {
            return false;
        }

        var hash = Hash(presented);
        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // No early exit: every configured token is compared.
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i]))
            {
                found = i;
            }
        }

        if (found < 0)
        {
            return false;
        }

        keyId = KeyId(_hashes[found]);
        return true;
    }

    /// <summary>True while a token with <paramref name="keyId"/> is configured (a sign-in cookie names its token so).</summary>
    public bool IsCurrent(string? keyId) => keyId is not null && _hashes.Any(hash => KeyId(hash) == keyId);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string KeyId(byte[] hash) => Convert.ToHexStringLower(hash, 0, 8);
}
