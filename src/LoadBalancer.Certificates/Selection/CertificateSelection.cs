namespace LoadBalancer.Certificates.Selection;

/// <summary>The certificate chosen for one handshake and the criterion that decided.</summary>
public readonly record struct CertificateSelection(ServerCertificate Certificate, SelectionCriterion Criterion);
