using LoadBalancer.Certificates.Loading;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Certificates.Sm2;

/// <summary>
/// The SM2 server certificates of one configuration snapshot, by <c>CertificateId</c>: each entry's four files read
/// with BouncyCastle and checked together (each key matches its certificate, the signing certificate has
/// digitalSignature, the encryption certificate keyEncipherment, both name the same hosts). An entry that fails is
/// absent and has its errors, named after the entry and the field, in the result.
/// </summary>
public sealed class Sm2CertificateStore
{
    private Sm2CertificateStore(IReadOnlyDictionary<string, Sm2Certificate> byId) => ById = byId;

    public IReadOnlyDictionary<string, Sm2Certificate> ById { get; }

    public static (Sm2CertificateStore Store, IReadOnlyList<ConfigError> Errors) Load(IReadOnlyList<CertificateConfig> certificates, Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(resolvePath);
        var nowUtc = DateTime.UtcNow;
        var byId = new Dictionary<string, Sm2Certificate>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        for (var index = 0; index < certificates.Count; index++)
        {
            var config = certificates[index];
            if (!config.IsSm2)
            {
                continue;
            }

            var entry = new EntryErrors(EntryErrors.ResourceName("Certificate", config.CertificateId, "Certificates", index));
            var loaded = LoadEntry(config, resolvePath, entry, nowUtc);
            errors.AddRange(entry.Items);
            if (loaded is not null && !entry.HasErrors && config.CertificateId is not null)
            {
                byId.TryAdd(config.CertificateId, new Sm2Certificate(config.CertificateId, loaded));
            }
        }

        return (new Sm2CertificateStore(byId), errors);
    }

    private static TlcpServerCredentials? LoadEntry(CertificateConfig config, Func<string, string> resolvePath, EntryErrors errors, DateTime nowUtc)
    {
        var texts = new[]
        {
            Read(errors, "SignCertificateFile", config.SignCertificateFile, resolvePath),
            Read(errors, "SignPrivateKeyFile", config.SignPrivateKeyFile, resolvePath),
            Read(errors, "EncryptCertificateFile", config.EncryptCertificateFile, resolvePath),
            Read(errors, "EncryptPrivateKeyFile", config.EncryptPrivateKeyFile, resolvePath),
        };
        if (Array.Exists(texts, t => t is null))
        {
            return null;
        }

        try
        {
            var credentials = TlcpServerCredentials.FromPem(texts[0]!, texts[1]!, texts[2]!, texts[3]!);
            if (credentials.NotAfter < nowUtc)
            {
                errors.Warning("SignCertificateFile", $"the SM2 certificate pair expired on {credentials.NotAfter:yyyy-MM-dd HH:mm} UTC; TLCP clients will refuse it");
            }

            return credentials;
        }
        catch (TlcpCredentialsException e)
        {
            foreach (var problem in e.Problems)
            {
                errors.Error(FieldOf(problem), problem);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or Org.BouncyCastle.Security.GeneralSecurityException or Org.BouncyCastle.Crypto.CryptoException)
        {
            errors.Error("SignCertificateFile", $"the SM2 files cannot be read as PEM certificates and keys: {e.Message}");
            return null;
        }
    }

    /// <summary>The field a credentials problem is about, from the role and file it names.</summary>
    private static string FieldOf(string problem) =>
        problem.Contains("the signing key", StringComparison.Ordinal) ? "SignPrivateKeyFile"
        : problem.Contains("the encryption key", StringComparison.Ordinal) ? "EncryptPrivateKeyFile"
        : problem.Contains("the encryption certificate", StringComparison.Ordinal) && !problem.Contains("the signing certificate", StringComparison.Ordinal) ? "EncryptCertificateFile"
        : "SignCertificateFile";

    private static string? Read(EntryErrors errors, string field, string? path, Func<string, string> resolvePath)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null; // the validator reports the missing field
        }

        var full = resolvePath(path);
        if (!File.Exists(full))
        {
            errors.Error(field, $"the file '{full}' does not exist");
            return null;
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Error(field, $"the file '{full}' cannot be read: {e.Message}");
            return null;
        }
    }
}
