using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>
/// SM2 public-key encryption in the GB/T 35276 DER form TLCP carries:
/// <c>SEQUENCE { INTEGER x, INTEGER y, OCTET STRING hash(32), OCTET STRING ciphertext }</c> (C1C3C2).
/// BouncyCastle's SM2Engine works on the raw <c>04||X||Y||C3||C2</c>; this converts both ways.
/// </summary>
internal static class Sm2Encryption
{
    private const int HashLength = 32;
    private const int CoordinateLength = 32;

    public static byte[] Encrypt(ECPublicKeyParameters key, byte[] plaintext, SecureRandom random)
    {
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(key, random));
        return RawToDer(engine.ProcessBlock(plaintext, 0, plaintext.Length));
    }

    /// <summary>Decrypts a DER SM2Cipher; null when it is malformed or its hash does not match.</summary>
    public static byte[]? TryDecrypt(ECPrivateKeyParameters key, ReadOnlySpan<byte> der)
    {
        var raw = DerToRaw(der);
        if (raw is null)
        {
            return null;
        }

        try
        {
            var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.Init(false, key);
            return engine.ProcessBlock(raw, 0, raw.Length);
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>DER SM2Cipher to <c>04||X||Y||C3||C2</c>; null when the DER is not one.</summary>
    public static byte[]? DerToRaw(ReadOnlySpan<byte> der)
    {
        try
        {
            var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der.ToArray()));
            if (sequence.Count != 4)
            {
                return null;
            }

            var x = DerInteger.GetInstance(sequence[0]).Value;
            var y = DerInteger.GetInstance(sequence[1]).Value;
            var hash = Asn1OctetString.GetInstance(sequence[2]).GetOctets();
            var ciphertext = Asn1OctetString.GetInstance(sequence[3]).GetOctets();
            if (hash.Length != HashLength || ciphertext.Length == 0 || !FitsCoordinate(x) || !FitsCoordinate(y))
            {
                return null;
            }

            var raw = new byte[1 + (2 * CoordinateLength) + HashLength + ciphertext.Length];
            raw[0] = 0x04;
            x.ToByteArrayUnsigned().CopyTo(raw, 1 + CoordinateLength - x.ToByteArrayUnsigned().Length);
            y.ToByteArrayUnsigned().CopyTo(raw, 1 + (2 * CoordinateLength) - y.ToByteArrayUnsigned().Length);
            hash.CopyTo(raw, 1 + (2 * CoordinateLength));
            ciphertext.CopyTo(raw, 1 + (2 * CoordinateLength) + HashLength);
            return raw;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary><c>04||X||Y||C3||C2</c> to DER SM2Cipher.</summary>
    public static byte[] RawToDer(byte[] raw)
    {
        var offset = 1;
        var x = new BigInteger(1, raw, offset, CoordinateLength);
        var y = new BigInteger(1, raw, offset + CoordinateLength, CoordinateLength);
        offset += 2 * CoordinateLength;
        var hash = raw.AsSpan(offset, HashLength).ToArray();
        var ciphertext = raw.AsSpan(offset + HashLength).ToArray();
        return new DerSequence(new DerInteger(x), new DerInteger(y), new DerOctetString(hash), new DerOctetString(ciphertext))
            .GetEncoded(Asn1Encodable.Der);
    }

    private static bool FitsCoordinate(BigInteger value) => value.SignValue >= 0 && value.BitLength <= CoordinateLength * 8;
}
