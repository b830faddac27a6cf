using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>
/// The ECDHE premaster of TLCP: SM2 key exchange (GB/T 32918.3) without confirmation, 48 bytes, both IDs the default,
/// static keys the two sides' encryption keys, the server as initiator.
/// </summary>
internal static class Sm2KeyAgreement
{
    public const int PremasterLength = 48;

    public static byte[] Calculate(
        bool initiator,
        ECPrivateKeyParameters ownStatic,
        ECPrivateKeyParameters ownEphemeral,
        ECPublicKeyParameters peerStatic,
        ECPublicKeyParameters peerEphemeral)
    {
        var exchange = new SM2KeyExchange();
        exchange.Init(new ParametersWithID(new SM2KeyExchangePrivateParameters(initiator, ownStatic, ownEphemeral), Sm2.DefaultUserId));
        return exchange.CalculateKey(
            PremasterLength * 8, new ParametersWithID(new SM2KeyExchangePublicParameters(peerStatic, peerEphemeral), Sm2.DefaultUserId));
    }
}
