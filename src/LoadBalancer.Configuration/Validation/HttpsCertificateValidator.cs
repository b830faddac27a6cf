using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// HTTPS listeners: exactly one default certificate, every referenced id a server certificate of the file,
/// no certificate twice, and no SM2 certificate (that needs TLCP, not served yet; never on Basic edition).
/// </summary>
internal sealed class HttpsCertificateValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttps))
        {
            CheckDefault(context, scope);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            CheckReferences(context, scope, "Certificates", scope.Listener.Certificates, seen);
            CheckReferences(context, scope, "AdditionalCertificates", scope.Listener.AdditionalCertificates, seen);
        }
    }

    private static void CheckDefault(ValidationContext context, ListenerScope scope)
    {
        var count = scope.Listener.Certificates?.Count ?? 0;
        if (count != 1)
        {
            context.Add(scope.Resource, "Certificates",
                $"an HTTPS listener needs exactly one entry in Certificates (the default certificate), not {count}: put the others in AdditionalCertificates");
        }
    }

    private static void CheckReferences(ValidationContext context, ListenerScope scope, string list, List<CertificateReference>? references, HashSet<string> seen)
    {
        for (var i = 0; i < (references?.Count ?? 0); i++)
        {
            var field = $"{list}[{i}].CertificateId";
            var id = references![i].CertificateId;
            if (string.IsNullOrWhiteSpace(id))
            {
                context.Add(scope.Resource, field, "CertificateId is required: name an entry of Certificates");
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
                : $"'{id}' is a CA certificate, not a server certificate: name an entry of Certificates (CA certificates go in CaCertificates)");
            return;
        }

        if (certificate.IsSm2)
        {
            context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate; SM2 certificates need TLCP, which this version does not serve yet: use an RSA or ECC certificate");
            if (scope.IsBasicEdition)
            {
                context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate, which a Basic edition instance does not accept: use Standard or StandardWithWaf");
            }
        }
    }
}
