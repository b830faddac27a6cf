using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;

namespace LoadBalancer.Certificates.ClientAuth;

/// <summary>Serial numbers in one form (uppercase hex, no leading zeros), whether from .NET or from a CRL.</summary>
internal static class Serials
{
    public static string ToHex(BigInteger serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return serial.ToString(16).ToUpperInvariant();
    }

    public static string ToHex(X509Certificate2 certificate) =>
        ToHex(new BigInteger(1, certificate.SerialNumberBytes.ToArray()));
}
