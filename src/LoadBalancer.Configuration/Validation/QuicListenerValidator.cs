using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// QUIC listeners (HTTP/3 over UDP, ALB field names): exactly one default certificate, every referenced id a server
/// certificate of the file, RSA or ECC only (the product serves SM2 on HTTPS listeners only), HTTP/3 only (no
/// Http2Enabled), and no client-certificate headers (one-way authentication only; CaEnabled is refused by
/// <see cref="MutualTlsValidator"/>).
/// </summary>
internal sealed class QuicListenerValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsQuic))
        {
            CheckDefault(context, scope);
            var references = References("Certificates", scope.Listener.Certificates).Concat(References("AdditionalCertificates", scope.Listener.AdditionalCertificates));
            ListenerCertificateReferences.Check(context, scope, references, "CertificateId is required: name an entry of Certificates", "CaCertificates",
                (field, id) => context.Add(scope.Resource, field,
                    $"'{id}' is an SM2 certificate, which QUIC listeners do not accept (SM2 is served to TLCP clients on HTTPS listeners): use an RSA or ECC certificate"));
            if (scope.Listener.Http2Enabled is not null)
            {
                context.Add(scope.Resource, "Http2Enabled", "a QUIC listener serves HTTP/3 only: remove Http2Enabled (it applies to HTTPS listeners)");
            }

            CheckClientCertificateHeaders(context, scope);
        }
    }

    private static void CheckDefault(ValidationContext context, ListenerScope scope)
    {
        var count = scope.Listener.Certificates?.Count ?? 0;
        if (count != 1)
        {
            context.Add(scope.Resource, "Certificates",
                $"a QUIC listener needs exactly one entry in Certificates (the default certificate), not {count}: put the others in AdditionalCertificates");
        }
    }

    private static IEnumerable<(string Field, string? Id)> References(string list, List<CertificateReference>? references) =>
        (references ?? []).Select((r, i) => ($"{list}[{i}].CertificateId", r.CertificateId));

    private static void CheckClientCertificateHeaders(ValidationContext context, ListenerScope scope)
    {
        if (scope.Listener.XForwardedForConfig is not { } config)
        {
            return;
        }

        foreach (var header in ClientCertificateHeaderField.All.Where(h => h.IsEnabled(config)))
        {
            var field = header.AliasField.Replace("Alias", "Enabled", StringComparison.Ordinal);
            context.Add(scope.Resource, $"XForwardedForConfig.{field}",
                $"QUIC listeners authenticate one way only, so there is no client certificate to describe in {header.DefaultName}: remove {field}");
        }
    }
}
