using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>The SM2 curve (sm2p256v1), the default user ID, and key helpers.</summary>
internal static class Sm2
{
    /// <summary>The user ID every TLCP implementation uses for signatures and key exchange (GB/T 35276).</summary>
    public static readonly byte[] DefaultUserId = "1234567812345678"u8.ToArray();

    public static readonly ECDomainParameters Domain = CreateDomain();

    /// <summary>Bytes of an uncompressed point: 04 || X || Y.</summary>
    public const int PointLength = 65;

    public static AsymmetricCipherKeyPair GenerateKeyPair(SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, random));
        return generator.GenerateKeyPair();
    }

    /// <summary>Decodes an uncompressed point on the curve; null when it is not one (wrong form, off the curve, infinity).</summary>
    public static ECPoint? TryDecodePoint(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != PointLength || encoded[0] != 0x04)
        {
            return null;
        }

        try
        {
            var point = Domain.Curve.DecodePoint(encoded.ToArray());
            return point.IsInfinity || !point.IsValid() ? null : point;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static bool IsSm2Key(ECKeyParameters key) =>
        key.Parameters.Curve.Equals(Domain.Curve) && key.Parameters.G.Equals(Domain.G);

    public static ECPublicKeyParameters PublicFromPrivate(ECPrivateKeyParameters key) =>
        new(Domain.G.Multiply(key.D).Normalize(), Domain);

    private static ECNamedDomainParameters CreateDomain()
    {
        X9ECParameters x9 = GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);
        return new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
    }
}
