using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>
/// How one CA entry judges client certificates, prepared once per configuration snapshot: the entry's certificates
/// as the only trust anchors and its CRLs reduced to revoked serials. <see cref="Verify"/> loads nothing and is safe to
/// call from concurrent handshakes.
/// </summary>
public sealed class ClientCertificatePolicy
{
    private readonly IReadOnlyList<RevocationList> _revocations;

    private ClientCertificatePolicy(string caId, X509Certificate2Collection anchors, IReadOnlyList<RevocationList> revocations)
    {
        CaId = caId;
        Anchors = anchors;
        _revocations = revocations;
        ChainPolicy = AnchoredChain.CreatePolicy(anchors);
    }

    public string CaId { get; }

    /// <summary>The CA entry's certificates (a root, or a subordinate uploaded alone).</summary>
    public X509Certificate2Collection Anchors { get; }

    /// <summary>
    /// The chain policy for the TLS stack (SslServerAuthenticationOptions.CertificateChainPolicy, cloned per
    /// connection): the entry's certificates as the only anchors. The chain SslStream builds with it is the one
    /// <see cref="Verify(X509Certificate2?, X509Chain?)"/> judges, so a handshake builds one chain.
    /// </summary>
    public X509ChainPolicy ChainPolicy { get; }

    /// <summary>A policy trusting <paramref name="anchors"/>; CRLs not signed by one of them are ignored.</summary>
    public static ClientCertificatePolicy Create(string caId, X509Certificate2Collection anchors, IReadOnlyList<X509Crl> crls)
    {
        ArgumentNullException.ThrowIfNull(caId);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(crls);
        var copy = new X509Certificate2Collection(anchors);
        var revocations = crls.Select(c => RevocationList.Create(c, copy)).OfType<RevocationList>().ToList();
        return new ClientCertificatePolicy(caId, copy, revocations);
    }

    /// <summary>
    /// Judges <paramref name="certificate"/> (null when the client sent none), building its chain with the other
    /// certificates the client sent (<paramref name="presented"/>).
    /// </summary>
    public ClientCertificateVerdict Verify(X509Certificate2? certificate, X509Certificate2Collection? presented, DateTime nowUtc)
    {
        if (certificate is null)
        {
            return ClientCertificateVerdict.Refuse("no client certificate");
        }

        var problem = PresentedCertificateChecks.FindProblem(certificate, nowUtc);
        if (problem is not null)
        {
            return ClientCertificateVerdict.Refuse(problem);
        }

        var chain = AnchoredChain.Build(certificate, Anchors, presented, nowUtc, out var chainProblems);
        if (chain is null)
        {
            return ClientCertificateVerdict.Refuse($"chain to CA '{CaId}' refused: {chainProblems}");
        }

        return RevocationVerdict(chain);
    }

    /// <summary>Judges the certificate with the chain the TLS stack built using <see cref="ChainPolicy"/>.</summary>
    public ClientCertificateVerdict Verify(X509Certificate2? certificate, X509Chain? chain)
    {
        if (certificate is null || chain is null)
        {
            return ClientCertificateVerdict.Refuse("no client certificate");
        }

        var problem = PresentedCertificateChecks.FindProblem(certificate, DateTime.UtcNow);
        if (problem is not null)
        {
            return ClientCertificateVerdict.Refuse(problem);
        }

        var anchored = AnchoredChain.Evaluate(chain, Anchors, DateTime.UtcNow, out var chainProblems);
        return anchored is null ? ClientCertificateVerdict.Refuse($"chain to CA '{CaId}' refused: {chainProblems}") : RevocationVerdict(anchored);
    }

    private ClientCertificateVerdict RevocationVerdict(IReadOnlyList<X509Certificate2> chain)
    {
        for (var i = 0; i < chain.Count - 1; i++)
        {
            if (_revocations.Any(r => r.IsIssuedBy(chain[i + 1]) && r.Revokes(chain[i])))
            {
                return ClientCertificateVerdict.Refuse($"revoked by the CRL of CA '{CaId}' (serial {Serials.ToHex(chain[i])})");
            }
        }

        return ClientCertificateVerdict.Accept();
    }
}
