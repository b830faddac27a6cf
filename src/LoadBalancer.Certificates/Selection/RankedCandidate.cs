namespace LoadBalancer.Certificates.Selection;

/// <summary>
/// One line of <c>explain</c>: a candidate at its rank, whether it matched exactly or by wildcard, and the criterion
/// that put it above the next candidate (null for the last one).
/// </summary>
public sealed record RankedCandidate(int Rank, ServerCertificate Certificate, bool Wildcard, SelectionCriterion? AboveNextBecause);
