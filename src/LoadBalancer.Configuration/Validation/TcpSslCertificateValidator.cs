namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// TCPSSL listeners: exactly one default certificate in CertificateIds, every referenced id an RSA or ECC server
/// certificate of the file, and no certificate twice (SM2 certificates are served on HTTPS listeners only).
/// </summary>
internal sealed class TcpSslCertificateValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsTcpSsl))
        {
            var count = scope.Listener.CertificateIds?.Count ?? 0;
            if (count != 1)
            {
                context.Add(scope.Resource, "CertificateIds",
                    $"a TCPSSL listener needs exactly one entry in CertificateIds (the default certificate), not {count}: put the others in AdditionalCertificateIds");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            CheckReferences(context, scope, "CertificateIds", scope.Listener.CertificateIds, seen);
            CheckReferences(context, scope, "AdditionalCertificateIds", scope.Listener.AdditionalCertificateIds, seen);
        }
    }

    private static void CheckReferences(ValidationContext context, ListenerScope scope, string list, List<string>? ids, HashSet<string> seen)
    {
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            var field = $"{list}[{i}]";
            var id = ids![i];
            if (string.IsNullOrWhiteSpace(id))
            {
                context.Add(scope.Resource, field, "a certificate id is required: name an entry of Certificates");
            }
            else if (!seen.Add(id))
            {
                context.Add(scope.Resource, field, $"certificate '{id}' is already on this listener (as the default or an additional certificate): remove the duplicate");
            }
            else
            {
                CheckCertificate(context, scope, field, id);
            }
        }
    }

    private static void CheckCertificate(ValidationContext context, ListenerScope scope, string field, string id)
    {
        var certificate = context.FindCertificate(id);
        if (certificate is null)
        {
            context.Add(scope.Resource, field, context.FindCaCertificate(id) is null
                ? $"certificate '{id}' does not exist: add it to Certificates or fix the id"
                : $"'{id}' is a CA certificate, not a server certificate: name an entry of Certificates (CA certificates go in CaCertificateIds)");
        }
        else if (certificate.IsSm2)
        {
            context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate; SM2 certificates are served on HTTPS listeners only: use an RSA or ECC certificate");
        }
    }
}
