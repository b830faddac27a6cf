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

            var references = References("CertificateIds", scope.Listener.CertificateIds).Concat(References("AdditionalCertificateIds", scope.Listener.AdditionalCertificateIds));
            ListenerCertificateReferences.Check(context, scope, references, "a certificate id is required: name an entry of Certificates", "CaCertificateIds",
                (field, id) => context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate; SM2 certificates are served on HTTPS listeners only: use an RSA or ECC certificate"));
        }
    }

    private static IEnumerable<(string Field, string? Id)> References(string list, List<string>? ids) =>
        (ids ?? []).Select((id, i) => ($"{list}[{i}]", (string?)id));
}
