using LoadBalancer.Tlcp.Crypto;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// ECC suites: the client encrypts a 48-byte premaster (<c>01 01 || 46 random</c>) to the encryption certificate. A premaster
/// that does not decrypt or has the wrong version is replaced by a random one, so the failure shows only at Finished.
/// </summary>
internal sealed class EccKeyExchange : IServerKeyExchange
{
    public const int PremasterLength = 48;

    public byte[] ServerKeyExchangeBody(HandshakeContext context) =>
        ServerKeyExchangeMessage.Build(
            context, [], context.Credentials.EncodedEncryptionCertificate, context.Random);

    public byte[] MasterSecret(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange)
    {
        var premaster = DecryptPremaster(context, clientKeyExchange) ?? context.Random.GenerateSeed(PremasterLength);
        return KeySchedule.MasterSecret(premaster, context.ClientRandom, context.ServerRandom);
    }

    /// <summary>The premaster, or null when it does not decrypt to 48 bytes starting 01 01.</summary>
    public static byte[]? DecryptPremaster(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange)
    {
        var reader = new WireReader(clientKeyExchange, "ClientKeyExchange");
        var ciphertext = reader.ReadVector16(1, 0xFFFF);
        reader.EnsureEnd();
        var premaster = Sm2Encryption.TryDecrypt(context.Credentials.EncryptionKey, ciphertext);
        return premaster is { Length: PremasterLength } && premaster[0] == 0x01 && premaster[1] == 0x01 ? premaster : null;
    }
}
