using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// CertificateVerify: <c>uint16 len || DER SM2 signature</c> by the client's signing key. Tongsuo signs SM3 of the
/// handshake messages so far, GmSSL the messages themselves; both are accepted.
/// </summary>
internal static class CertificateVerifyMessage
{
    public static byte[] Build(ECPrivateKeyParameters signKey, ReadOnlySpan<byte> messages, Org.BouncyCastle.Security.SecureRandom random)
    {
        var signature = Sm2Signature.Sign(signKey, TlcpPrf.Sm3(messages), random);
        var writer = new WireWriter();
        var start = writer.StartVector(2);
        writer.WriteBytes(signature);
        writer.EndVector(start, 2);
        return writer.ToArray();
    }

    public static bool Verify(ECPublicKeyParameters signKey, ReadOnlySpan<byte> body, ReadOnlySpan<byte> messages)
    {
        var reader = new WireReader(body, "CertificateVerify");
        var signature = reader.ReadVector16(1, 0xFFFF).ToArray();
        reader.EnsureEnd();
        return Sm2Signature.Verify(signKey, TlcpPrf.Sm3(messages), signature)
            || Sm2Signature.Verify(signKey, messages, signature);
    }
}
