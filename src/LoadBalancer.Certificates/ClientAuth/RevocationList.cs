using System.Collections.Frozen;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>A CRL reduced to what a handshake needs: the CA certificate that signed it and the revoked serials.</summary>
internal sealed class RevocationList
{
    private readonly FrozenSet<string> _revokedSerials;

    private RevocationList(X509Certificate2 issuer, FrozenSet<string> revokedSerials)
    {
        Issuer = issuer;
        _revokedSerials = revokedSerials;
    }

    public X509Certificate2 Issuer { get; }

    /// <summary>The list for <paramref name="crl"/> signed by one of <paramref name="issuers"/>; null when none signed it.</summary>
    public static RevocationList? Create(X509Crl crl, X509Certificate2Collection issuers)
    {
        ArgumentNullException.ThrowIfNull(crl);
        var signer = CrlSignatures.FindSigner(crl, issuers);
        if (signer is null)
        {
            return null;
        }

        var serials = (crl.GetRevokedCertificates() ?? new HashSet<X509CrlEntry>())
            .Select(e => Serials.ToHex(e.SerialNumber)).ToFrozenSet(StringComparer.Ordinal);
        return new RevocationList(signer, serials);
    }

    public bool IsIssuedBy(X509Certificate2 issuer) => Issuer.RawDataMemory.Span.SequenceEqual(issuer.RawDataMemory.Span);

    public bool Revokes(X509Certificate2 certificate) => _revokedSerials.Contains(Serials.ToHex(certificate));
}
