using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// CaEnabled: mutual TLS is served on ALB HTTPS listeners, within the product's refusals (HTTP and QUIC listeners,
/// Basic edition, SM2 certificates; exactly one CaCertificates entry naming a CA certificate), and on NLB TCPSSL
/// listeners the same way with exactly one CaCertificateIds entry. TCP listeners refuse it as a TLS field.
/// </summary>
internal sealed class MutualTlsValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.Listener.CaEnabled == true))
        {
            if (scope.IsTcpSsl)
            {
                var ids = scope.Listener.CaCertificateIds ?? [];
                CheckCount(context, scope, "CaCertificateIds", ids.Count);
                for (var i = 0; i < ids.Count; i++)
                {
                    CheckCaReference(context, scope, $"CaCertificateIds[{i}]", ids[i], "a CA id");
                }

                continue;
            }

            if (!scope.IsAlb)
            {
                continue;
            }

            CheckProductRefusals(context, scope);
            if (scope.IsHttps)
            {
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

        CheckSm2(context, scope);
    }

    /// <summary>
    /// The product refuses mutual TLS beside SM2 certificates. Our one extension: a listener whose certificates are
    /// all SM2 may require TLCP client certificates from an SM2 CA (ECDHE suites); that the CA is SM2 is checked
    /// when its file is loaded.
    /// </summary>
    private static void CheckSm2(ValidationContext context, ListenerScope scope)
    {
        var certificates = (scope.Listener.Certificates ?? []).Concat(scope.Listener.AdditionalCertificates ?? [])
            .Select(r => context.FindCertificate(r.CertificateId))
            .OfType<CertificateConfig>()
            .ToList();
        var sm2 = certificates.Find(c => c.IsSm2);
        if (sm2 is not null && certificates.Exists(c => !c.IsSm2))
        {
            context.Add(scope.Resource, "CaEnabled",
                $"mutual authentication cannot be combined with the SM2 certificate '{sm2.CertificateId}' on this listener: remove one of them (mutual TLCP with an SM2 CA, an extension, needs a listener whose certificates are all SM2)");
        }
    }

    private static void CheckCaCertificates(ValidationContext context, ListenerScope scope)
    {
        var references = scope.Listener.CaCertificates ?? [];
        CheckCount(context, scope, "CaCertificates", references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            CheckCaReference(context, scope, $"CaCertificates[{i}].CertificateId", references[i].CertificateId, "CertificateId");
        }
    }

    private static void CheckCount(ValidationContext context, ListenerScope scope, string field, int count)
    {
        if (count == 0)
        {
            context.Add(scope.Resource, field,
                $"CaEnabled needs exactly one {field} entry, not 0: name the CA that signs the client certificates");
        }
        else if (count > 1)
        {
            context.Add(scope.Resource, field,
                $"a listener takes exactly one {field} entry, not {count}: keep the CA that signs the client certificates");
        }
    }

    private static void CheckCaReference(ValidationContext context, ListenerScope scope, string field, string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            context.Add(scope.Resource, field, $"{what} is required: name an entry of CaCertificates");
        }
        else if (context.FindCaCertificate(id) is null)
        {
            context.Add(scope.Resource, field, context.FindCertificate(id) is not null
                ? $"'{id}' is a server certificate, not a CA certificate: name an entry of CaCertificates"
                : $"CA certificate '{id}' does not exist: add it to CaCertificates or fix the id");
        }
    }
}
