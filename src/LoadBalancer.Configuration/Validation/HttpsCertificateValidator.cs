using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// HTTPS listeners: exactly one default certificate, every referenced id a server certificate of the file,
/// no certificate twice, and no SM2 certificate on a Basic edition instance (SM2 certificates are served to TLCP
/// clients on the same port, beside RSA and ECC ones).
/// </summary>
internal sealed class HttpsCertificateValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttps))
        {
            CheckDefault(context, scope);
            var references = References("Certificates", scope.Listener.Certificates).Concat(References("AdditionalCertificates", scope.Listener.AdditionalCertificates));
            ListenerCertificateReferences.Check(context, scope, references, "CertificateId is required: name an entry of Certificates", "CaCertificates",
                (field, id) => RefuseSm2(context, scope, field, id));
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

    private static IEnumerable<(string Field, string? Id)> References(string list, List<CertificateReference>? references) =>
        (references ?? []).Select((r, i) => ($"{list}[{i}].CertificateId", r.CertificateId));

    private static void RefuseSm2(ValidationContext context, ListenerScope scope, string field, string id)
    {
        if (scope.IsBasicEdition)
        {
            context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate, which a Basic edition instance does not accept: use Standard or StandardWithWaf");
        }
    }
}
