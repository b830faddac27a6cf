using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// ServerKeyExchange: ECC suites sign <c>client_random || server_random || uint24 len || encryption cert</c>; ECDHE suites
/// send <c>03 00 29 41 04||X||Y</c> and sign <c>client_random || server_random || those params</c>. Either way the body ends
/// with <c>uint16 len || DER signature</c> by the signing key.
/// </summary>
internal static class ServerKeyExchangeMessage
{
    public const byte NamedCurveType = 3;
    public const ushort Sm2CurveId = 41;

    public static byte[] EccSignedContent(ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, ReadOnlySpan<byte> encryptionCertificate)
    {
        var writer = new WireWriter();
        writer.WriteBytes(clientRandom);
        writer.WriteBytes(serverRandom);
        writer.WriteUInt24(encryptionCertificate.Length);
        writer.WriteBytes(encryptionCertificate);
        return writer.ToArray();
    }

    public static byte[] EcdheParams(ReadOnlySpan<byte> uncompressedPoint)
    {
        var writer = new WireWriter();
        writer.WriteUInt8(NamedCurveType);
        writer.WriteUInt16(Sm2CurveId);
        writer.WriteUInt8(uncompressedPoint.Length);
        writer.WriteBytes(uncompressedPoint);
        return writer.ToArray();
    }

    /// <summary>Body = params (none for ECC) || uint16 len || signature over randoms || signed.</summary>
    public static byte[] Build(HandshakeContext context, ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> signedTail, SecureRandom random)
    {
        byte[] content = [.. context.ClientRandom, .. context.ServerRandom, .. signedTail];
        var signature = context.Credentials.Signer.Sign(content, random);
        var writer = new WireWriter();
        writer.WriteBytes(parameters);
        var start = writer.StartVector(2);
        writer.WriteBytes(signature);
        writer.EndVector(start, 2);
        return writer.ToArray();
    }

    /// <summary>Verifies a received body: the signature over randoms || <paramref name="signedTail"/> after the params.</summary>
    public static bool Verify(
        ECPublicKeyParameters signKey, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, ReadOnlySpan<byte> signedTail, ReadOnlySpan<byte> signatureField)
    {
        var reader = new WireReader(signatureField, "ServerKeyExchange");
        var signature = reader.ReadVector16(1, 0xFFFF).ToArray();
        reader.EnsureEnd();
        return Sm2Signature.Verify(signKey, [.. clientRandom, .. serverRandom, .. signedTail], signature);
    }
}
