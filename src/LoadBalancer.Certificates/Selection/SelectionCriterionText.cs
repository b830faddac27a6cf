namespace LoadBalancer.Certificates.Selection;

/// <summary>Human words for <see cref="SelectionCriterion"/>, as the connection log and <c>explain</c> print them.</summary>
public static class SelectionCriterionText
{
    public static string Describe(this SelectionCriterion criterion) => criterion switch
    {
        SelectionCriterion.OnlyCandidate => "only matching certificate",
        SelectionCriterion.ExactOverWildcard => "exact name over wildcard",
        SelectionCriterion.EccPreferred => "ECC over RSA (client can use ECDSA)",
        SelectionCriterion.RsaForClientWithoutEcdsa => "RSA over ECC (client cannot use ECDSA)",
        SelectionCriterion.ShaOverMd5 => "SHA signature over MD5",
        SelectionCriterion.LongerKey => "longer key",
        SelectionCriterion.LongerValidity => "longer remaining validity",
        SelectionCriterion.FileOrder => "order on the listener",
        SelectionCriterion.DefaultNoSni => "default (no SNI)",
        SelectionCriterion.DefaultSniNotDnsName => "default (SNI is not a DNS name)",
        SelectionCriterion.DefaultNoMatch => "default (no certificate matches the SNI)",
        _ => criterion.ToString(),
    };
}
