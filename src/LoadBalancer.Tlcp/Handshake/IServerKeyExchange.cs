namespace LoadBalancer.Tlcp.Handshake;

/// <summary>The key-exchange half of a suite: the ServerKeyExchange it sends and the master secret it derives.</summary>
internal interface IServerKeyExchange
{
    /// <summary>The body of the ServerKeyExchange message, signed with the signing key.</summary>
    byte[] ServerKeyExchangeBody(HandshakeContext context);

    /// <summary>The master secret from the body of the client's ClientKeyExchange.</summary>
    byte[] MasterSecret(HandshakeContext context, ReadOnlySpan<byte> clientKeyExchange);
}
