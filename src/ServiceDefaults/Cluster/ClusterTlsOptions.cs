using System.ComponentModel.DataAnnotations;

namespace HyperTune.ServiceDefaults.Cluster;

/// <summary>
/// TLS for the cluster's own traffic: silo to silo, and clients (the Coordinator) to the silos' gateways, through
/// Orleans' TLS support. Bound from <c>HyperTune:Cluster:Tls</c>; off until <see cref="CertificatePath"/> is set, and
/// then required both ways (mutual TLS): every process presents its certificate and accepts only peers whose
/// certificate chains to <see cref="TrustedCertificatePath"/>. Every silo and the Coordinator must agree — a process
/// without TLS, or with a certificate the others do not trust, cannot join or connect.
/// <para>
/// Peers are recognised by their certificate's chain, not by host name (silos address each other by IP): use a
/// certificate authority, or one self-signed certificate, dedicated to this cluster.
/// </para>
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Cluster:Tls";

    /// <summary>
    /// This process's certificate with its private key: a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM file
    /// (<c>.pem</c>, <c>.crt</c>; the key in it or in <see cref="KeyPath"/>). Its key usage must allow both server and
    /// client authentication (or name no usage). Default: none, TLS off.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, or the encrypted PEM key's. Default: none. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> is a PEM certificate without it. Default: none.</summary>
    public string? KeyPath { get; set; }

    /// <summary>
    /// The certificate(s) to trust as roots (PEM or DER): the cluster's certificate authority. Default: this process's
    /// own certificate, which is right when every process shares one self-signed certificate.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>How long a TLS handshake may take. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when TLS is on (a certificate is configured).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
