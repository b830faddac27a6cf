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

    /// <summary>
    /// The certificate's serial read as the CRL reads it: a signed DER INTEGER (big-endian two's complement), so that
    /// a non-conformant negative serial still matches its CRL entry.
    /// </summary>
    public static string ToHex(X509Certificate2 certificate) =>
        ToHex(new BigInteger(certificate.SerialNumberBytes.ToArray()));
}
