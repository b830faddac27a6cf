using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>
/// An SM2 signing key with what every signature by it shares computed once: the public point, Z (SM3 of the default
/// user ID, the curve and the public key) and (1 + d)⁻¹ mod n. BouncyCastle's SM2Signer recomputes d·G and Z on every
/// Init; here a signature costs one k·G (the shared comb table of G) and a little modular arithmetic. The algorithm
/// is GB/T 32918.2 as in SM2Signer (A1–A7), DER encoded.
/// </summary>
internal sealed class Sm2SigningKey
{
    private readonly BigInteger _d;
    private readonly BigInteger _dPlus1Inverse;
    private readonly byte[] _z;

    public Sm2SigningKey(ECPrivateKeyParameters key)
    {
        Key = Sm2.OnDomain(key);
        _d = Key.D;
        var n = Sm2.Domain.N;
        if (_d.CompareTo(BigInteger.One) < 0 || _d.CompareTo(n.Subtract(BigInteger.One)) >= 0)
        {
            throw new ArgumentException("SM2 private key out of range", nameof(key));
        }

        PublicKey = Sm2.PublicFromPrivate(Key);
        _z = Z(Sm2.DefaultUserId, PublicKey.Q);
        _dPlus1Inverse = BigIntegers.ModOddInverse(n, _d.Add(BigInteger.One));
    }

    public ECPrivateKeyParameters Key { get; }

    public ECPublicKeyParameters PublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> message, SecureRandom random)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(_z);
        digest.BlockUpdate(message);
        Span<byte> hash = stackalloc byte[32];
        digest.DoFinal(hash);
        var n = Sm2.Domain.N;
        var e = new BigInteger(1, hash);
        BigInteger r, s;
        do
        {
            BigInteger k;
            do
            {
                k = NextK(n, random);
                var point = Sm2.BasePointMultiplier.Multiply(Sm2.Domain.G, k).Normalize();
                r = e.Add(point.AffineXCoord.ToBigInteger()).Mod(n);
            }
            while (r.SignValue == 0 || r.Add(k).Equals(n));

            s = _dPlus1Inverse.Multiply(k.Subtract(r.Multiply(_d))).Mod(n);
        }
        while (s.SignValue == 0);

        return StandardDsaEncoding.Instance.Encode(n, r, s);
    }

    /// <summary>Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA).</summary>
    public static byte[] Z(ReadOnlySpan<byte> userId, ECPoint publicPoint)
    {
        var digest = new SM3Digest();
        var bits = userId.Length * 8;
        digest.Update((byte)(bits >> 8));
        digest.Update((byte)bits);
        digest.BlockUpdate(userId);
        var point = publicPoint.Normalize();
        foreach (var element in new[] { Sm2.Domain.Curve.A, Sm2.Domain.Curve.B, Sm2.Domain.G.AffineXCoord, Sm2.Domain.G.AffineYCoord, point.AffineXCoord, point.AffineYCoord })
        {
            digest.BlockUpdate(element.GetEncoded());
        }

        var z = new byte[32];
        digest.DoFinal(z);
        return z;
    }

    /// <summary>k uniform in [1, n-1], as BouncyCastle's RandomDsaKCalculator.</summary>
    private static BigInteger NextK(BigInteger n, SecureRandom random)
    {
        BigInteger k;
        do
        {
            k = new BigInteger(n.BitLength, random);
        }
        while (k.SignValue < 1 || k.CompareTo(n) >= 0);

        return k;
    }
}
