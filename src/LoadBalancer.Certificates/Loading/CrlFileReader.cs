using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates.ClientAuth;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Reads the optional <c>CrlFile</c> of a CA entry (PEM <c>X509 CRL</c> or DER) and checks who signed it.</summary>
internal static class CrlFileReader
{
    private const string Field = "CrlFile";

    public static IReadOnlyList<X509Crl>? Read(string path, X509Certificate2Collection cas, DateTime nowUtc, EntryErrors errors)
    {
        var data = ReadBytes(path, errors);
        var crls = data is null ? null : Parse(data, path, errors);
        if (crls is null)
        {
            return null;
        }

        foreach (var crl in crls)
        {
            CheckSigner(crl, cas, path, errors);
            CheckFreshness(crl, path, nowUtc, errors);
        }

        return crls;
    }

    private static byte[]? ReadBytes(string path, EntryErrors errors) => PemText.Read(path, Field, errors, File.ReadAllBytes);

    private static List<X509Crl>? Parse(byte[] data, string path, EntryErrors errors)
    {
        try
        {
            var crls = new X509CrlParser().ReadCrls(data);
            if (crls.Count > 0)
            {
                return [.. crls];
            }
        }
        catch (Exception ex) when (ex is CrlException or IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            errors.Error(Field, $"'{path}' is not a CRL ({ex.Message}); give a PEM '-----BEGIN X509 CRL-----' file or a DER CRL");
            return null;
        }

        errors.Error(Field, $"'{path}' is not a CRL; give a PEM '-----BEGIN X509 CRL-----' file or a DER CRL");
        return null;
    }

    private static void CheckSigner(X509Crl crl, X509Certificate2Collection cas, string path, EntryErrors errors)
    {
        if (CrlSignatures.FindSigner(crl, cas) is null)
        {
            var subjects = string.Join(", ", cas.Select(c => $"'{c.Subject}'"));
            errors.Error(Field, $"the CRL is not signed by this CA: the CRL in '{path}' names issuer '{crl.IssuerDN}' and no certificate of the entry ({subjects}) verifies its signature; give the CRL this CA published");
        }
    }

    private static void CheckFreshness(X509Crl crl, string path, DateTime nowUtc, EntryErrors errors)
    {
        if (crl.NextUpdate is { } next && next.ToUniversalTime() < nowUtc)
        {
            var when = next.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            errors.Warning(Field, $"the CRL in '{path}' was due to be replaced on {when} (nextUpdate); it is still used, publish a fresh one");
        }
    }
}
