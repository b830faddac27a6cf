using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>
/// The SM2 curve (sm2p256v1), the default user ID, and key helpers. The domain is BouncyCastle's custom curve (fixed-size
/// field arithmetic, several times faster than the generic FpCurve of GMNamedCurves) and one shared instance, so the
/// comb table of G is computed once per process; keys are moved onto it with <see cref="OnDomain(ECPrivateKeyParameters)"/>.
/// </summary>
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
        new(BasePointMultiplier.Multiply(Domain.G, key.D).Normalize(), Domain);

    /// <summary>k·G by BouncyCastle's fixed-point comb (constant-time table lookups); the table lives on <see cref="Domain"/>'s G.</summary>
    public static ECMultiplier BasePointMultiplier { get; } = new FixedPointCombMultiplier();

    /// <summary>The same key on <see cref="Domain"/> (a key read elsewhere may carry another instance or the generic curve).</summary>
    public static ECPrivateKeyParameters OnDomain(ECPrivateKeyParameters key) =>
        ReferenceEquals(key.Parameters, Domain) ? key : new ECPrivateKeyParameters(key.D, Domain);

    /// <summary>The same key on <see cref="Domain"/>.</summary>
    public static ECPublicKeyParameters OnDomain(ECPublicKeyParameters key) =>
        ReferenceEquals(key.Parameters, Domain) ? key : new ECPublicKeyParameters(Domain.Curve.ImportPoint(key.Q).Normalize(), Domain);

    private static ECNamedDomainParameters CreateDomain()
    {
        X9ECParameters x9 = CustomNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);
        return new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
    }
}
