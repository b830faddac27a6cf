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
            ListenerCertificateReferences.CheckAlb(context, scope, "an HTTPS", (field, id) => RefuseSm2(context, scope, field, id));
        }
    }

    private static void RefuseSm2(ValidationContext context, ListenerScope scope, string field, string id)
    {
        if (scope.IsBasicEdition)
        {
            context.Add(scope.Resource, field, $"'{id}' is an SM2 certificate, which a Basic edition instance does not accept: use Standard or StandardWithWaf");
        }
    }
}
