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
        return Evaluate(chain, anchors, out problems);
    }

    /// <summary>
    /// Judges a chain already built with <see cref="CreatePolicy"/> (as SslStream builds it during the handshake):
    /// the chain from the leaf up to its anchor (leaf first), or null with the chain's problems.
    /// </summary>
    public static IReadOnlyList<X509Certificate2>? Evaluate(X509Chain chain, X509Certificate2Collection anchors, out string problems)
    {
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var anchorIndex = elements.FindIndex(e => IsAnchor(e, anchors));
        problems = Summary(chain.ChainStatus);
        if (anchorIndex < 0)
        {
            return null;
        }

        var built = chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.NoError);
        return built || OnlyMissingRoot(chain, anchorIndex) ? elements[..(anchorIndex + 1)] : null;
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
