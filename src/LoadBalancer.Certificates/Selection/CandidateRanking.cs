namespace LoadBalancer.Certificates.Selection;

/// <summary>
/// The ALB ranking among certificates that match one name: ECC over RSA when the client can use ECDSA (RSA first
/// otherwise), SHA-family over MD5 signatures, the longer key, the later expiry, then the order on the listener.
/// </summary>
internal static class CandidateRanking
{
    public static ServerCertificate[] Rank(IEnumerable<ServerCertificate> candidates, bool clientSupportsEcdsa, Func<ServerCertificate, int> order)
    {
        var ranked = candidates.ToArray();
        Array.Sort(ranked, (a, b) => Compare(a, b, clientSupportsEcdsa, order).Result);
        return ranked;
    }

    /// <summary>Negative when <paramref name="a"/> ranks first; the criterion is the first rule that told them apart.</summary>
    public static (int Result, SelectionCriterion Criterion) Compare(ServerCertificate a, ServerCertificate b, bool clientSupportsEcdsa, Func<ServerCertificate, int> order)
    {
        var fa = a.Facts;
        var fb = b.Facts;
        if (fa.Algorithm != fb.Algorithm)
        {
            var preferred = clientSupportsEcdsa ? CertificateKeyAlgorithm.Ecdsa : CertificateKeyAlgorithm.Rsa;
            var criterion = clientSupportsEcdsa ? SelectionCriterion.EccPreferred : SelectionCriterion.RsaForClientWithoutEcdsa;
            return (fa.Algorithm == preferred ? -1 : fb.Algorithm == preferred ? 1 : 0, criterion);
        }

        if (fa.Md5Signed != fb.Md5Signed)
        {
            return (fa.Md5Signed ? 1 : -1, SelectionCriterion.ShaOverMd5);
        }

        if (fa.KeySizeBits != fb.KeySizeBits)
        {
            return (fb.KeySizeBits.CompareTo(fa.KeySizeBits), SelectionCriterion.LongerKey);
        }

        if (fa.NotAfterUtc != fb.NotAfterUtc)
        {
            return (fb.NotAfterUtc.CompareTo(fa.NotAfterUtc), SelectionCriterion.LongerValidity);
        }

        return (order(a).CompareTo(order(b)), SelectionCriterion.FileOrder);
    }
}
