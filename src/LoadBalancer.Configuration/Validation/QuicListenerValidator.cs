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
            ListenerCertificateReferences.CheckAlb(context, scope, "a QUIC",
                (field, id) => context.Add(scope.Resource, field,
                    $"'{id}' is an SM2 certificate, which QUIC listeners do not accept (SM2 is served to TLCP clients on HTTPS listeners): use an RSA or ECC certificate"));
            if (scope.Listener.Http2Enabled is not null)
            {
                context.Add(scope.Resource, "Http2Enabled", "a QUIC listener serves HTTP/3 only: remove Http2Enabled (it applies to HTTPS listeners)");
            }

            CheckClientCertificateHeaders(context, scope);
        }
    }

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
