using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;

namespace HyperTune.ServiceDefaults.Cluster;

/// <summary>
/// The cluster's TLS as configured: this process's certificate, the roots it trusts, and how Orleans' TLS options are
/// set from them (mutual TLS, certificates required both ways, peers checked against the trusted roots only).
/// </summary>
public sealed class ClusterTls
{
    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection trusted, TimeSpan handshakeTimeout)
    {
        (Certificate, Trusted, HandshakeTimeout) = (certificate, trusted, handshakeTimeout);
    }

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The roots a peer's certificate must chain to.</summary>
    public X509Certificate2Collection Trusted { get; }

    /// <summary>How long a handshake may take.</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>
    /// Reads <c>HyperTune:Cluster:Tls</c>: null when TLS is off, else the loaded certificates. A missing file, a wrong
    /// password or a certificate without its key stops the start here with a message that names the setting (never the
    /// password).
    /// </summary>
    public static ClusterTls? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        return options.Enabled ? Load(options) : null;
    }

    /// <summary>Loads the certificates <paramref name="options"/> name.</summary>
    public static ClusterTls Load(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new OptionsValidationException(nameof(ClusterTlsOptions), typeof(ClusterTlsOptions),
                problems.Select(p => $"{ClusterTlsOptions.SectionName}:{string.Join(", ", p.MemberNames)}: {p.ErrorMessage}"));
        }

        var certificate = LoadCertificate(options);
        var trusted = options.TrustedCertificatePath is { Length: > 0 } path
            ? LoadTrusted(path)
            : [X509CertificateLoader.LoadCertificate(certificate.RawData)];
        return new ClusterTls(certificate, trusted, options.HandshakeTimeout);
    }

    /// <summary>Sets Orleans' TLS options: this certificate, certificates required both ways, peers checked by <see cref="IsTrusted"/>.</summary>
    public void Configure(TlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        tls.LocalCertificate = Certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, chain, _) => IsTrusted(certificate, chain);
        tls.HandshakeTimeout = HandshakeTimeout;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> chains to one of <see cref="Trusted"/> and is valid now. The operating
    /// system's roots and the host name play no part: only this cluster's roots make a peer.
    /// </summary>
    public bool IsTrusted(X509Certificate2 certificate, X509Chain? presented)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificatePath!;
        const string Setting = ClusterTlsOptions.SectionName + ":CertificatePath";
        if (!File.Exists(path))
        {
            throw Invalid($"{Setting} '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(path).ToUpperInvariant();
            if (extension is ".PFX" or ".P12")
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }
            else
            {
                var keyPath = options.KeyPath is { Length: > 0 } key ? key : path;
                using var pem = string.IsNullOrEmpty(options.CertificatePassword)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);

                // A PEM key is ephemeral; a PKCS#12 round trip gives a certificate every platform's TLS can use.
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Invalid($"{Setting} '{path}' could not be read as a certificate with its private key (a wrong CertificatePassword, or the key not in the file or KeyPath?): {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            throw Invalid($"{Setting} '{path}' holds no private key; give a PKCS#12 file with its key, or the PEM key in KeyPath.");
        }

        return certificate;
    }

    private static X509Certificate2Collection LoadTrusted(string path)
    {
        const string Setting = ClusterTlsOptions.SectionName + ":TrustedCertificatePath";
        if (!File.Exists(path))
        {
            throw Invalid($"{Setting} '{path}' does not exist.");
        }

        try
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(path);
            if (trusted.Count == 0)
            {
                trusted.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return trusted;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"{Setting} '{path}' could not be read as PEM or DER certificates: {e.Message}");
        }
    }

    private static OptionsValidationException Invalid(string failure) =>
        new(nameof(ClusterTlsOptions), typeof(ClusterTlsOptions), [failure]);
}
