using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Loads one RSA/ECC entry of <c>Certificates</c>: its chain, its key, and the checks on the leaf.</summary>
internal static class ServerCertificateLoader
{
    private const string CertificateField = "CertificateFile";
    private const string KeyField = "PrivateKeyFile";

    public static EntryLoad<ServerCertificate> Load(CertificateConfig config, int index, Func<string, string> resolvePath, DateTime nowUtc)
    {
        var errors = new EntryErrors(EntryErrors.ResourceName("Certificate", config.CertificateId, "Certificates", index));
        EntryPaths.RequireId(config.CertificateId, errors);
        var certificatePath = EntryPaths.Resolve(config.CertificateFile, CertificateField, resolvePath, errors);
        var keyPath = EntryPaths.Resolve(config.PrivateKeyFile, KeyField, resolvePath, errors);
        var chain = certificatePath is null ? null : CertificateFileReader.Read(certificatePath, CertificateField, errors);
        var key = keyPath is null ? null : PrivateKeyFileReader.Read(keyPath, KeyField, errors);
        var certificate = chain is null || key is null ? null : Build(config, index, chain, key, certificatePath!, keyPath!, nowUtc, errors);
        return new EntryLoad<ServerCertificate>(config.CertificateId, errors.HasErrors ? null : certificate, errors.Items);
    }

    private static ServerCertificate? Build(
        CertificateConfig config, int index, List<X509Certificate2> chain, PrivateKeyData key,
        string certificatePath, string keyPath, DateTime nowUtc, EntryErrors errors)
    {
        var kind = LeafKeyCheck.Check(chain[0], certificatePath, CertificateField, errors);
        if (kind is null)
        {
            return null;
        }

        var leaf = chain[0];
        var attachKey = PrivateKeyAttacher.Prepare(leaf, kind.Value, key, keyPath, certificatePath, errors);
        if (attachKey is null)
        {
            return null;
        }

        var certificate = Create(config.CertificateId ?? "", index, leaf, [.. chain.Skip(1)], attachKey, certificatePath, errors);
        if (certificate is not null)
        {
            LeafChecks.Run(certificate, certificatePath, nowUtc, errors);
        }

        return certificate;
    }

    private static ServerCertificate? Create(string id, int index, X509Certificate2 leaf, X509Certificate2[] intermediates, Func<X509Certificate2> attachKey, string path, EntryErrors errors)
    {
        try
        {
            return new ServerCertificate(id, index, leaf, new X509Certificate2Collection(intermediates), attachKey);
        }
        catch (CryptographicException ex)
        {
            errors.Error(CertificateField, $"the certificate in '{path}' could not be read ({ex.Message}); check that it is a valid X.509 server certificate");
            return null;
        }
    }
}
