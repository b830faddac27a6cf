namespace LoadBalancer.Configuration.Validation;

/// <summary>A CA certificate entry names its PEM file.</summary>
internal sealed class CaCertificateValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.CaCertificates.Count; i++)
        {
            var ca = context.Config.CaCertificates[i];
            if (string.IsNullOrWhiteSpace(ca.CertificateFile))
            {
                context.Add(ResourceNames.Of("CaCertificate", ca.CertificateId, $"CaCertificates[{i}]"), "CertificateFile",
                    "CertificateFile is required: give the path of the PEM CA certificate(s)");
            }
        }
    }
}
