namespace LoadBalancer.Certificates.Loading;

/// <summary>What is wrong with a loaded leaf but does not stop it loading (warnings), and the one thing that does: no name.</summary>
internal static class LeafChecks
{
    private const string Field = "CertificateFile";

    public static void Run(ServerCertificate certificate, string path, DateTime nowUtc, EntryErrors errors)
    {
        CheckNotCa(certificate, path, errors);
        CheckValidity(certificate.Facts, path, nowUtc, errors);
        CheckHasName(certificate.Facts, path, errors);
    }

    private static void CheckNotCa(ServerCertificate certificate, string path, EntryErrors errors)
    {
        if (CertificateAuthority.IsCa(certificate.Certificate))
        {
            errors.Warning(Field, $"the first certificate in '{path}' ({certificate.Facts.Subject}) is a CA certificate (basicConstraints CA:TRUE), not a server certificate; put the server (leaf) certificate first, then its intermediates");
        }
    }

    private static void CheckValidity(CertificateFacts facts, string path, DateTime nowUtc, EntryErrors errors)
    {
        if (nowUtc > facts.NotAfterUtc)
        {
            errors.Warning(Field, $"the certificate in '{path}' expired on {facts.NotAfterUtc:yyyy-MM-dd HH:mm:ss}Z; clients will reject it until it is renewed");
        }
        else if (nowUtc < facts.NotBeforeUtc)
        {
            errors.Warning(Field, $"the certificate in '{path}' is not valid until {facts.NotBeforeUtc:yyyy-MM-dd HH:mm:ss}Z; clients will reject it until then (check the clocks)");
        }
    }

    private static void CheckHasName(CertificateFacts facts, string path, EntryErrors errors)
    {
        if (facts.DnsNames.Count == 0)
        {
            errors.Error(Field, $"the certificate in '{path}' has no DNS name (no DNS subjectAltName and no subject CN), so no client could match it; issue it with the host names it serves");
        }
    }
}
