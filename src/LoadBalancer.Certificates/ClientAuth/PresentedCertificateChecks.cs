using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>The checks of the presented certificate alone, before its chain: CA flag, extended key usage, validity.</summary>
internal static class PresentedCertificateChecks
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string AnyExtendedKeyUsage = "2.5.29.37.0";
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss'Z'";

    public static string? FindProblem(X509Certificate2 certificate, DateTime nowUtc)
    {
        if (IsCa(certificate))
        {
            return "a CA certificate was presented as the client certificate";
        }

        if (ExcludesClientAuth(certificate))
        {
            return "its extended key usage excludes clientAuth";
        }

        return ValidityProblem(certificate, nowUtc);
    }

    private static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    private static bool ExcludesClientAuth(X509Certificate2 certificate)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()?.EnhancedKeyUsages;
        return usages is not null && !usages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value is ClientAuth or AnyExtendedKeyUsage);
    }

    private static string? ValidityProblem(X509Certificate2 certificate, DateTime nowUtc)
    {
        var notAfter = certificate.NotAfter.ToUniversalTime();
        if (nowUtc > notAfter)
        {
            return "expired on " + notAfter.ToString(TimeFormat, CultureInfo.InvariantCulture);
        }

        var notBefore = certificate.NotBefore.ToUniversalTime();
        return nowUtc < notBefore ? "not valid until " + notBefore.ToString(TimeFormat, CultureInfo.InvariantCulture) : null;
    }
}
