using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HyperTune.ServiceDefaults.Tests.Cluster;

/// <summary>Certificates made for one test run (never a committed key): self-signed ones, and a small CA with its leaves.</summary>
internal static class TestCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>A self-signed certificate fit for both ends of a TLS connection.</summary>
    public static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = Leaf(name, key);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A certificate authority that may sign leaves.</summary>
    public static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    /// <summary>A leaf signed by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 IssuedBy(X509Certificate2 authority, string name)
    {
        using var key = RSA.Create(2048);
        var request = Leaf(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes <paramref name="certificate"/> with its key as a password-protected PKCS#12 file.</summary>
    public static string WritePfx(X509Certificate2 certificate, string directory, string password)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>Writes the certificate as PEM, and its key (when it has one) as a separate PEM file.</summary>
    public static (string Certificate, string? Key) WritePem(X509Certificate2 certificate, string directory)
    {
        var name = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(name + ".crt", certificate.ExportCertificatePem());
        if (!certificate.HasPrivateKey)
        {
            return (name + ".crt", null);
        }

        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(name + ".key", key.ExportPkcs8PrivateKeyPem());
        return (name + ".crt", name + ".key");
    }

    private static CertificateRequest Leaf(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication, ClientAuthentication], critical: false));
        return request;
    }
}
