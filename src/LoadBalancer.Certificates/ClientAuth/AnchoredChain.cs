using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>
/// Builds a client certificate's chain to the CA entry's certificates only (never the system store). .NET on Linux
/// trusts a custom anchor only when it is self-signed: a subordinate CA uploaded alone ends the chain with PartialChain
/// (or UntrustedRoot when the client also sent the root). Such a chain is accepted when it reaches an anchor and every
/// certificate up to that anchor has no other problem.
/// </summary>
internal static class AnchoredChain
{
    private const X509ChainStatusFlags BeyondAnchor = X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot;

    /// <summary>The chain from the leaf up to its anchor (leaf first), or null with the chain's problems.</summary>
    public static IReadOnlyList<X509Certificate2>? Build(
        X509Certificate2 certificate, X509Certificate2Collection anchors, X509Certificate2Collection? presented, DateTime nowUtc, out string problems)
    {
        using var chain = new X509Chain { ChainPolicy = CreatePolicy(anchors) };
        chain.ChainPolicy.VerificationTime = nowUtc;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented);
        }

        chain.Build(certificate);
        return Evaluate(chain, anchors, nowUtc, out problems);
    }

    /// <summary>
    /// Judges a chain already built with <see cref="CreatePolicy"/> (as SslStream builds it during the handshake):
    /// the chain from the leaf up to the last certificate of the CA entry in it (leaf first), or null with the
    /// problem, naming the certificate and the check that failed.
    /// </summary>
    public static IReadOnlyList<X509Certificate2>? Evaluate(X509Chain chain, X509Certificate2Collection anchors, DateTime nowUtc, out string problem)
    {
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var anchorIndex = elements.FindLastIndex(e => IsAnchor(e, anchors));
        problem = ElementProblem(chain, anchorIndex < 0 ? elements.Count - 1 : anchorIndex) ?? Summary(chain.ChainStatus);
        if (anchorIndex < 0)
        {
            problem = $"not issued by this CA ({problem})";
            return null;
        }

        // OpenSSL does not check the dates of a chain's last certificate when it is not self-signed (a subordinate
        // CA uploaded alone), so every certificate up to the anchor is checked here too.
        var expired = ValidityProblem(elements, anchorIndex, nowUtc);
        if (expired is not null)
        {
            problem = expired;
            return null;
        }

        var built = chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.NoError);
        return built || OnlyMissingRoot(chain, anchorIndex) ? elements[..(anchorIndex + 1)] : null;
    }

    private static string? ValidityProblem(List<X509Certificate2> elements, int last, DateTime nowUtc)
    {
        for (var i = 0; i <= last; i++)
        {
            var certificate = elements[i];
            if (nowUtc > certificate.NotAfter.ToUniversalTime())
            {
                return $"'{certificate.Subject}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z";
            }

            if (nowUtc < certificate.NotBefore.ToUniversalTime())
            {
                return $"'{certificate.Subject}' is not valid until {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z";
            }
        }

        return null;
    }

    /// <summary>The first element problem that says more than "no trusted root": a bad signature, wrong usage, dates.</summary>
    private static string? ElementProblem(X509Chain chain, int last)
    {
        for (var i = 0; i <= last && i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            foreach (var status in element.ChainElementStatus)
            {
                var what = status.Status switch
                {
                    X509ChainStatusFlags.NotSignatureValid => "its signature does not verify",
                    X509ChainStatusFlags.NotValidForUsage => "it is not valid for client authentication",
                    X509ChainStatusFlags.NotTimeValid => "it is outside its validity period",
                    X509ChainStatusFlags.InvalidBasicConstraints => "it is not allowed to issue certificates",
                    _ => null,
                };
                if (what is not null)
                {
                    return $"'{element.Certificate.Subject}': {what}";
                }
            }
        }

        return null;
    }

    /// <summary>The entry's certificates as the only anchors; no revocation fetching, no downloads; the time of each build.</summary>
    public static X509ChainPolicy CreatePolicy(X509Certificate2Collection anchors)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
            VerificationTimeIgnored = true,
        };
        policy.CustomTrustStore.AddRange(anchors);
        return policy;
    }

    private static bool OnlyMissingRoot(X509Chain chain, int anchorIndex)
    {
        for (var i = 0; i <= anchorIndex; i++)
        {
            if (chain.ChainElements[i].ChainElementStatus.Any(s => (s.Status & ~BeyondAnchor) != X509ChainStatusFlags.NoError))
            {
                return false;
            }
        }

        var beyond = X509ChainStatusFlags.NoError;
        for (var i = anchorIndex + 1; i < chain.ChainElements.Count; i++)
        {
            beyond = chain.ChainElements[i].ChainElementStatus.Aggregate(beyond, (all, s) => all | s.Status);
        }

        return chain.ChainStatus.All(s => (s.Status & ~(BeyondAnchor | beyond)) == X509ChainStatusFlags.NoError);
    }

    private static bool IsAnchor(X509Certificate2 certificate, X509Certificate2Collection anchors)
    {
        foreach (var anchor in anchors)
        {
            if (anchor.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static string Summary(X509ChainStatus[] statuses) =>
        statuses.Length == 0
            ? "no chain problem reported"
            : string.Join("; ", statuses.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
}
