using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// ECDHE suites: an ephemeral SM2 key in the ServerKeyExchange, the client's in its ClientKeyExchange (Tongsuo's 69-byte
/// form or GmSSL's with a leading <c>00 45</c>), and the SM2 key exchange with both sides' encryption keys as static keys.
/// </summary>
internal sealed class EcdheKeyExchange : IServerKeyExchange
{
    private ECPrivateKeyParameters? _ephemeral;

    public byte[] ServerKeyExchangeBody(HandshakeContext context)
    {
        var pair = Sm2.GenerateKeyPair(context.Random);
        _ephemeral = (ECPrivateKeyParameters)pair.Private;
        var point = ((ECPublicKeyParameters)pair.Public).Q.GetEncoded(false);
        var parameters = ServerKeyExchangeMessage.EcdheParams(point);
        return ServerKeyExchangeMessage.Build(context, parameters, parameters, context.Random);
    }

    public byte[] MasterSecret(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange)
    {
        var clientPoint = ReadClientPoint(clientKeyExchange);
        var clientEncryption = context.Client?.EncryptionKey
            ?? throw new TlcpException(TlcpAlert.HandshakeFailure, "ECDHE needs the client's encryption certificate");
        var ephemeral = _ephemeral ?? throw new InvalidOperationException("ServerKeyExchange was not sent");
        var premaster = Sm2KeyAgreement.Calculate(
            initiator: true, context.Credentials.EncryptionKey, ephemeral, clientEncryption, new ECPublicKeyParameters(clientPoint, Sm2.Domain));
        return KeySchedule.MasterSecret(premaster, context.ClientRandom, context.ServerRandom);
    }

    /// <summary>The client's ephemeral point from either ClientKeyExchange form; illegal_parameter when it is not on the curve.</summary>
    public static ECPoint ReadClientPoint(ReadOnlySpan<byte> body)
    {
        const int ParamsLength = 4 + Sm2.PointLength;
        var reader = new WireReader(body, "ClientKeyExchange");
        if (body.Length == ParamsLength + 2 && reader.ReadUInt16() != ParamsLength)
        {
            throw reader.Error("wrong length prefix");
        }

        if (reader.Remaining != ParamsLength
            || reader.ReadUInt8() != ServerKeyExchangeMessage.NamedCurveType
            || reader.ReadUInt16() != ServerKeyExchangeMessage.Sm2CurveId)
        {
            throw reader.Error("not SM2 ECDHE parameters");
        }

        var point = reader.ReadVector8(Sm2.PointLength, Sm2.PointLength);
        reader.EnsureEnd();
        return Sm2.TryDecodePoint(point) ?? throw new TlcpException(TlcpAlert.IllegalParameter, "client ECDHE point is not on the SM2 curve");
    }
}
