namespace LoadBalancer.Certificates.Selection;

/// <summary>
/// The candidates for one name, ranked once per snapshot for both kinds of client, with the criterion that put the
/// winner first. A handshake only indexes into this.
/// </summary>
internal sealed class RankedCandidates
{
    private RankedCandidates(ServerCertificate[] forEcdsa, ServerCertificate[] forRsaOnly, SelectionCriterion ecdsaWinnerCriterion, SelectionCriterion rsaWinnerCriterion)
    {
        ForEcdsaClients = forEcdsa;
        ForRsaOnlyClients = forRsaOnly;
        EcdsaWinnerCriterion = ecdsaWinnerCriterion;
        RsaWinnerCriterion = rsaWinnerCriterion;
    }

    public ServerCertificate[] ForEcdsaClients { get; }

    public ServerCertificate[] ForRsaOnlyClients { get; }

    public SelectionCriterion EcdsaWinnerCriterion { get; }

    public SelectionCriterion RsaWinnerCriterion { get; }

    public static RankedCandidates Create(IReadOnlyCollection<ServerCertificate> candidates, Func<ServerCertificate, int> order)
    {
        var ecdsa = CandidateRanking.Rank(candidates, clientSupportsEcdsa: true, order);
        var rsa = CandidateRanking.Rank(candidates, clientSupportsEcdsa: false, order);
        return new RankedCandidates(ecdsa, rsa, WinnerCriterion(ecdsa, true, order), WinnerCriterion(rsa, false, order));
    }

    public CertificateSelection Winner(bool clientSupportsEcdsa) => clientSupportsEcdsa
        ? new CertificateSelection(ForEcdsaClients[0], EcdsaWinnerCriterion)
        : new CertificateSelection(ForRsaOnlyClients[0], RsaWinnerCriterion);

    private static SelectionCriterion WinnerCriterion(ServerCertificate[] ranked, bool clientSupportsEcdsa, Func<ServerCertificate, int> order) =>
        ranked.Length == 1 ? SelectionCriterion.OnlyCandidate : CandidateRanking.Compare(ranked[0], ranked[1], clientSupportsEcdsa, order).Criterion;
}
