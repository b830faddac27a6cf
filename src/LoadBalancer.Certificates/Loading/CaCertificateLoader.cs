using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Loads one entry of <c>CaCertificates</c>: one or more PEM CA certificates, and an optional CRL.</summary>
internal static class CaCertificateLoader
{
    private const string Field = "CertificateFile";

    public static EntryLoad<LoadedCa> Load(CaCertificateConfig config, int index, Func<string, string> resolvePath)
    {
        var errors = new EntryErrors(EntryErrors.ResourceName("CaCertificate", config.CertificateId, "CaCertificates", index));
        EntryPaths.RequireId(config.CertificateId, errors);
        var path = EntryPaths.Resolve(config.CertificateFile, Field, resolvePath, errors);
        var certificates = path is null ? null : CertificateFileReader.Read(path, Field, errors);
        if (certificates is not null)
        {
            CheckAllAreCas(certificates, path!, errors);
        }

        var collection = certificates is null ? null : new X509Certificate2Collection(certificates.ToArray());
        var crls = LoadCrls(config, collection, resolvePath, errors);
        var value = errors.HasErrors || collection is null ? null : new LoadedCa(collection, crls);
        return new EntryLoad<LoadedCa>(config.CertificateId, value, errors.Items);
    }

    private static IReadOnlyList<Org.BouncyCastle.X509.X509Crl> LoadCrls(
        CaCertificateConfig config, X509Certificate2Collection? cas, Func<string, string> resolvePath, EntryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(config.CrlFile) || cas is null)
        {
            return [];
        }

        return CrlFileReader.Read(resolvePath(config.CrlFile), cas, DateTime.UtcNow, errors) ?? [];
    }

    private static void CheckAllAreCas(List<X509Certificate2> certificates, string path, EntryErrors errors)
    {
        for (var i = 0; i < certificates.Count; i++)
        {
            if (!CertificateAuthority.IsCa(certificates[i]))
            {
                errors.Error(Field, $"certificate {i + 1} in '{path}' ({certificates[i].Subject}) is not a CA certificate (basicConstraints CA:FALSE or absent); CaCertificates takes the CA certificates that issue the client certificates");
            }
        }
    }
}
