using System.Net.Security;
using System.Security.Cryptography;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Listeners;

/// <summary>
/// What the TLS stack of this machine (.NET's SslStream on OpenSSL) can offer, asked once: a
/// <see cref="CipherSuitesPolicy"/> keeps only the suites OpenSSL has, so DES-CBC3-SHA drops out on a build without
/// 3DES (Debian 12's OpenSSL 3.0).
/// </summary>
internal static class TlsStack
{
    private static readonly Lazy<HashSet<ushort>> s_available = new(ProbeCipherSuites);

    /// <summary>For example "OpenSSL 3.0.19".</summary>
    public static string Name => OperatingSystem.IsWindows() ? "SChannel" : $"OpenSSL {OpenSslVersion(SafeEvpPKeyHandle.OpenSslVersion)}";

    public static bool IsAvailable(CipherSuite suite) => !suite.IsTlcp && s_available.Value.Contains(suite.Code);

    /// <summary>0xMNN00PP0 as OpenSSL numbers it (3.0 and later), e.g. 0x30000130 is 3.0.19.</summary>
    private static string OpenSslVersion(long number) =>
        $"{(number >> 28) & 0xF}.{(number >> 20) & 0xFF}.{(number >> 4) & 0xFF}";

    private static HashSet<ushort> ProbeCipherSuites()
    {
        var standard = CipherSuites.All.Where(c => !c.IsTlcp).Select(c => c.Code);
        if (OperatingSystem.IsWindows())
        {
            return [.. standard];
        }

        var probe = new CipherSuitesPolicy(standard.Select(code => (TlsCipherSuite)code));
        return [.. probe.AllowedCipherSuites.Select(s => (ushort)s)];
    }
}
