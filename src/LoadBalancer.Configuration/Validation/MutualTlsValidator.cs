namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// CaEnabled: mutual TLS is not served yet, and the product's own refusals already apply (HTTP/QUIC listeners,
/// Basic edition, SM2 certificates, a missing, extra or wrong CaCertificates entry).
/// </summary>
internal sealed class MutualTlsValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.Listener.CaEnabled == true))
        {
            context.Add(scope.Resource, "CaEnabled", "mutual TLS is not served by this version yet: set CaEnabled to false");
            if (scope.IsAlb)
            {
                CheckProductRefusals(context, scope);
                CheckCaCertificates(context, scope);
            }
        }
    }

    private static void CheckProductRefusals(ValidationContext context, ListenerScope scope)
    {
        if (scope.IsHttp || scope.IsQuic)
        {
            context.Add(scope.Resource, "CaEnabled",
                $"{scope.Protocol} listeners support one-way authentication only: mutual authentication needs an HTTPS listener");
        }

        if (scope.IsBasicEdition)
        {
            context.Add(scope.Resource, "CaEnabled", "a Basic edition instance does not support mutual authentication: use Standard or StandardWithWaf");
        }

        var sm2 = (scope.Listener.Certificates ?? []).Concat(scope.Listener.AdditionalCertificates ?? [])
            .Select(r => context.FindCertificate(r.CertificateId))
            .FirstOrDefault(c => c is { IsSm2: true });
        if (sm2 is not null)
        {
            context.Add(scope.Resource, "CaEnabled",
                $"mutual authentication cannot be combined with the SM2 certificate '{sm2.CertificateId}' on this listener: remove one of them");
        }
    }

    private static void CheckCaCertificates(ValidationContext context, ListenerScope scope)
    {
        var references = scope.Listener.CaCertificates ?? [];
        if (references.Count != 1)
        {
            context.Add(scope.Resource, "CaCertificates",
                $"CaEnabled needs exactly one CaCertificates entry, not {references.Count}: name the CA that signs the client certificates");
        }

        for (var i = 0; i < references.Count; i++)
        {
            CheckCaReference(context, scope, $"CaCertificates[{i}].CertificateId", references[i].CertificateId);
        }
    }

    private static void CheckCaReference(ValidationContext context, ListenerScope scope, string field, string? id)
    {
        if (context.FindCaCertificate(id) is not null)
        {
            return;
        }

        context.Add(scope.Resource, field, context.FindCertificate(id) is not null
            ? $"'{id}' is a server certificate, not a CA certificate: name an entry of CaCertificates"
            : $"CA certificate '{id}' does not exist: add it to CaCertificates or fix the id");
    }
}
