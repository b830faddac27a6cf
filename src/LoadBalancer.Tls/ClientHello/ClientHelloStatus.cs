namespace LoadBalancer.Tls.ClientHello;

/// <summary>The outcome of <see cref="ClientHelloReader.TryRead"/> on the bytes buffered so far.</summary>
public enum ClientHelloStatus
{
    /// <summary>A whole ClientHello was read.</summary>
    Complete,

    /// <summary>The bytes so far are a valid start; read more and call again with the longer buffer.</summary>
    NeedMoreData,

    /// <summary>The connection does not start with a TLS/TLCP handshake record (plain HTTP, SSLv2, garbage).</summary>
    NotTls,

    /// <summary>A TLS handshake record that does not hold a well-formed ClientHello.</summary>
    Malformed,

    /// <summary>The ClientHello is larger than <see cref="ClientHelloReader.MaxHandshakeBytes"/>.</summary>
    TooLarge,
}
