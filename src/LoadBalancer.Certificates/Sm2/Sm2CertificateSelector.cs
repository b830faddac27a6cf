using LoadBalancer.Certificates.Selection;

namespace LoadBalancer.Certificates.Sm2;

/// <summary>
/// Chooses a listener's SM2 certificate for one TLCP handshake by the rules RSA/ECC certificates follow: an exact
/// name over a wildcard, then the longer key, then the later expiry, then listener order; no SNI, an SNI that is not
/// a DNS name, or no match: the listener's first SM2 certificate (its SM2 default). Built once per snapshot: every
/// name maps to its winner, so a handshake costs two dictionary look-ups.
/// </summary>
public sealed class Sm2CertificateSelector
{
    private readonly Dictionary<string, Sm2Choice> _exact;
    private readonly Dictionary<string, Sm2Choice>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, Sm2Choice> _wildcard;
    private readonly Dictionary<string, Sm2Choice>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;

    private Sm2CertificateSelector(Sm2Certificate defaultCertificate, Dictionary<string, Sm2Choice> exact, Dictionary<string, Sm2Choice> wildcard)
    {
        Default = defaultCertificate;
        _exact = exact;
        _wildcard = wildcard;
        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = wildcard.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Sm2Certificate Default { get; }

    /// <param name="certificates">The listener's SM2 certificates in listener order (default first).</param>
    public static Sm2CertificateSelector Create(IReadOnlyList<Sm2Certificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        if (certificates.Count == 0)
        {
            throw new ArgumentException("a listener's SM2 selector needs at least one SM2 certificate", nameof(certificates));
        }

        var exact = new Dictionary<string, Sm2Choice>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, Sm2Choice>(StringComparer.OrdinalIgnoreCase);
        foreach (var certificate in certificates)
        {
            foreach (var name in certificate.Credentials.DnsNames)
            {
                var suffix = ServerNames.WildcardSuffix(name);
                var map = suffix is null ? exact : wildcard;
                var key = suffix ?? name;
                map[key] = map.TryGetValue(key, out var current) ? current.Against(certificate) : new Sm2Choice(certificate, SelectionCriterion.OnlyCandidate);
            }
        }

        return new Sm2CertificateSelector(certificates[0], exact, wildcard);
    }

    public (Sm2Certificate Certificate, SelectionCriterion Criterion) Select(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return (Default, SelectionCriterion.DefaultNoSni);
        }

        if (!ServerNames.IsDnsName(serverName))
        {
            return (Default, SelectionCriterion.DefaultSniNotDnsName);
        }

        if (_exactLookup.TryGetValue(serverName, out var exact))
        {
            var overWildcard = exact.Criterion == SelectionCriterion.OnlyCandidate && _wildcardLookup.ContainsKey(ServerNames.WildcardParent(serverName));
            return (exact.Certificate, overWildcard ? SelectionCriterion.ExactOverWildcard : exact.Criterion);
        }

        return _wildcardLookup.TryGetValue(ServerNames.WildcardParent(serverName), out var byWildcard)
            ? (byWildcard.Certificate, byWildcard.Criterion)
            : (Default, SelectionCriterion.DefaultNoMatch);
    }

    /// <summary>The winner for one name so far and what separated it from the best of the rest.</summary>
    private sealed record Sm2Choice(Sm2Certificate Certificate, SelectionCriterion Criterion, Sm2Certificate? RunnerUp = null)
    {
        /// <summary>Longer key, then later expiry; on a tie the one met first (listener order) stays.</summary>
        public Sm2Choice Against(Sm2Certificate challenger)
        {
            var (a, b) = (challenger.Credentials, Certificate.Credentials);
            if (a.KeySizeBits != b.KeySizeBits)
            {
                return a.KeySizeBits > b.KeySizeBits ? new Sm2Choice(challenger, SelectionCriterion.LongerKey, Certificate) : Keep(challenger, SelectionCriterion.LongerKey);
            }

            if (a.NotAfter != b.NotAfter)
            {
                return a.NotAfter > b.NotAfter ? new Sm2Choice(challenger, SelectionCriterion.LongerValidity, Certificate) : Keep(challenger, SelectionCriterion.LongerValidity);
            }

            return Keep(challenger, SelectionCriterion.FileOrder);
        }

        /// <summary>The holder stays; the criterion is the one against the strongest runner-up seen.</summary>
        private Sm2Choice Keep(Sm2Certificate loser, SelectionCriterion criterion) =>
            RunnerUp is null || Stronger(loser, RunnerUp) ? this with { Criterion = criterion, RunnerUp = loser } : this;

        private static bool Stronger(Sm2Certificate a, Sm2Certificate b) =>
            a.Credentials.KeySizeBits != b.Credentials.KeySizeBits ? a.Credentials.KeySizeBits > b.Credentials.KeySizeBits : a.Credentials.NotAfter > b.Credentials.NotAfter;
    }
}
