namespace LoadBalancer.Certificates.Selection;

/// <summary>
/// Chooses a listener's server certificate for one handshake, the way ALB does. Built once per configuration
/// snapshot: every name of every certificate maps to its ranked candidates, so a handshake costs two dictionary
/// look-ups whatever the number of certificates.
/// </summary>
public sealed class CertificateSelector
{
    private readonly Dictionary<string, RankedCandidates> _exact;
    private readonly Dictionary<string, RankedCandidates>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, RankedCandidates> _wildcard;
    private readonly Dictionary<string, RankedCandidates>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;
    private readonly Dictionary<ServerCertificate, int> _order;

    private CertificateSelector(ServerCertificate defaultCertificate, Dictionary<ServerCertificate, int> order, Dictionary<string, RankedCandidates> exact, Dictionary<string, RankedCandidates> wildcard)
    {
        Default = defaultCertificate;
        _order = order;
        _exact = exact;
        _wildcard = wildcard;
        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = wildcard.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ServerCertificate Default { get; }

    /// <summary>The listener's certificates: the default first, then the additional ones in their order.</summary>
    public IEnumerable<ServerCertificate> Certificates => _order.OrderBy(p => p.Value).Select(p => p.Key);

    public static CertificateSelector Create(ServerCertificate defaultCertificate, IReadOnlyList<ServerCertificate> additional)
    {
        ArgumentNullException.ThrowIfNull(defaultCertificate);
        ArgumentNullException.ThrowIfNull(additional);
        var order = new Dictionary<ServerCertificate, int> { [defaultCertificate] = 0 };
        foreach (var certificate in additional)
        {
            order.TryAdd(certificate, order.Count);
        }

        var exact = new Dictionary<string, List<ServerCertificate>>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, List<ServerCertificate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var certificate in order.Keys)
        {
            foreach (var name in certificate.Facts.DnsNames)
            {
                var suffix = ServerNames.WildcardSuffix(name);
                AddCandidate(suffix is null ? exact : wildcard, suffix ?? name, certificate);
            }
        }

        return new CertificateSelector(defaultCertificate, order, Rank(exact, order), Rank(wildcard, order));
    }

    public CertificateSelection Select(string? serverName, bool clientSupportsEcdsa)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return new CertificateSelection(Default, SelectionCriterion.DefaultNoSni);
        }

        if (!ServerNames.IsDnsName(serverName))
        {
            return new CertificateSelection(Default, SelectionCriterion.DefaultSniNotDnsName);
        }

        if (_exactLookup.TryGetValue(serverName, out var exact))
        {
            var winner = exact.Winner(clientSupportsEcdsa);
            var onlyExactButWildcardsToo = winner.Criterion == SelectionCriterion.OnlyCandidate && _wildcardLookup.ContainsKey(ServerNames.WildcardParent(serverName));
            return onlyExactButWildcardsToo ? winner with { Criterion = SelectionCriterion.ExactOverWildcard } : winner;
        }

        return _wildcardLookup.TryGetValue(ServerNames.WildcardParent(serverName), out var byWildcard)
            ? byWildcard.Winner(clientSupportsEcdsa)
            : new CertificateSelection(Default, SelectionCriterion.DefaultNoMatch);
    }

    /// <summary>Every candidate for the name in rank order (exact matches, then wildcard ones), for <c>explain</c>.</summary>
    public IReadOnlyList<RankedCandidate> Explain(string? serverName, bool clientSupportsEcdsa)
    {
        if (string.IsNullOrEmpty(serverName) || !ServerNames.IsDnsName(serverName))
        {
            return [];
        }

        var exact = _exactLookup.TryGetValue(serverName, out var e) ? Pick(e, clientSupportsEcdsa) : [];
        var wildcard = _wildcardLookup.TryGetValue(ServerNames.WildcardParent(serverName), out var w) ? Pick(w, clientSupportsEcdsa) : [];
        var lines = new List<RankedCandidate>();
        for (var i = 0; i < exact.Length; i++)
        {
            SelectionCriterion? because = i + 1 < exact.Length ? CandidateRanking.Compare(exact[i], exact[i + 1], clientSupportsEcdsa, OrderOf).Criterion
                : wildcard.Length > 0 ? SelectionCriterion.ExactOverWildcard : null;
            lines.Add(new RankedCandidate(lines.Count + 1, exact[i], Wildcard: false, because));
        }

        for (var i = 0; i < wildcard.Length; i++)
        {
            SelectionCriterion? because = i + 1 < wildcard.Length ? CandidateRanking.Compare(wildcard[i], wildcard[i + 1], clientSupportsEcdsa, OrderOf).Criterion : null;
            lines.Add(new RankedCandidate(lines.Count + 1, wildcard[i], Wildcard: true, because));
        }

        return lines;
    }

    private int OrderOf(ServerCertificate certificate) => _order[certificate];

    private static ServerCertificate[] Pick(RankedCandidates candidates, bool clientSupportsEcdsa) =>
        clientSupportsEcdsa ? candidates.ForEcdsaClients : candidates.ForRsaOnlyClients;

    private static void AddCandidate(Dictionary<string, List<ServerCertificate>> map, string name, ServerCertificate certificate)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        if (!list.Contains(certificate))
        {
            list.Add(certificate);
        }
    }

    private static Dictionary<string, RankedCandidates> Rank(Dictionary<string, List<ServerCertificate>> map, Dictionary<ServerCertificate, int> order)
    {
        var ranked = new Dictionary<string, RankedCandidates>(map.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, candidates) in map)
        {
            ranked[name] = RankedCandidates.Create(candidates, c => order[c]);
        }

        return ranked;
    }
}
