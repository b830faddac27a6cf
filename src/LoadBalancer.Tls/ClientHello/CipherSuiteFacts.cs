using System.Net.Security;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>Which cipher suites need an ECDSA certificate, looked up in a bitmap built once.</summary>
internal static class CipherSuiteFacts
{
    private static readonly ulong[] _ecdheEcdsaSuites = BuildEcdheEcdsaBitmap();

    public static bool IsEcdheEcdsa(ushort suite) => (_ecdheEcdsaSuites[suite >> 6] & (1UL << (suite & 63))) != 0;

    private static ulong[] BuildEcdheEcdsaBitmap()
    {
        var bitmap = new ulong[(ushort.MaxValue + 1) / 64];
        foreach (var name in Enum.GetNames<TlsCipherSuite>())
        {
            if (name.StartsWith("TLS_ECDHE_ECDSA_", StringComparison.Ordinal))
            {
                var suite = (ushort)Enum.Parse<TlsCipherSuite>(name);
                bitmap[suite >> 6] |= 1UL << (suite & 63);
            }
        }

        return bitmap;
    }
}
