using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>An RSA/ECC certificate names its certificate and key files; an SM2 one its four Sign/Encrypt files, and nothing else.</summary>
internal sealed class CertificateValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.Certificates.Count; i++)
        {
            var certificate = context.Config.Certificates[i];
            var resource = ResourceNames.Of("Certificate", certificate.CertificateId, $"Certificates[{i}]");
            if (certificate.IsSm2)
            {
                CheckSm2(context, certificate, resource);
            }
            else
            {
                Require(context, resource, "CertificateFile", certificate.CertificateFile, "the PEM certificate chain (leaf first)");
                Require(context, resource, "PrivateKeyFile", certificate.PrivateKeyFile, "the PEM private key");
            }
        }
    }

    private static void CheckSm2(ValidationContext context, CertificateConfig certificate, string resource)
    {
        Require(context, resource, "SignCertificateFile", certificate.SignCertificateFile, "the SM2 signing certificate");
        Require(context, resource, "SignPrivateKeyFile", certificate.SignPrivateKeyFile, "the SM2 signing key");
        Require(context, resource, "EncryptCertificateFile", certificate.EncryptCertificateFile, "the SM2 encryption certificate");
        Require(context, resource, "EncryptPrivateKeyFile", certificate.EncryptPrivateKeyFile, "the SM2 encryption key");
        Forbid(context, resource, "CertificateFile", certificate.CertificateFile);
        Forbid(context, resource, "PrivateKeyFile", certificate.PrivateKeyFile);
    }

    private static void Require(ValidationContext context, string resource, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            context.Add(resource, field, $"{field} is required: give the path of {what}");
        }
    }

    private static void Forbid(ValidationContext context, string resource, string field, string? value)
    {
        if (value is not null)
        {
            context.Add(resource, field,
                $"an SM2 certificate (Sign…/Encrypt… files) cannot also have {field}: make it two entries, one RSA/ECC and one SM2");
        }
    }
}
