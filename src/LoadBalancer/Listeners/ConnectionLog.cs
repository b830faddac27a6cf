using LoadBalancer.Logging;

namespace LoadBalancer.Listeners;

/// <summary>One line per handshake: what was chosen and why, or why it failed. Never key material.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = LogEvents.TlsPoliciesThroughDotNet, Level = LogLevel.Warning,
        Message = "TLS handshakes get their security policy and certificate through .NET, which builds an OpenSSL context for each handshake (slower): {Reason}")]
    public static partial void PoliciesThroughDotNet(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.TlsHandshakeCompleted, Level = LogLevel.Information,
        Message = "TLS handshake on {ListenerId} from {ClientAddress}: sni={Sni} certificate={CertificateId} ({Criterion}) {TlsVersion} {Cipher} alpn={Alpn} client-certificate={ClientCertificate} in {HandshakeMs:F1} ms")]
    public static partial void HandshakeCompleted(ILogger logger, string listenerId, string clientAddress, string sni, string certificateId, string criterion, string tlsVersion, string cipher, string alpn, string clientCertificate, double handshakeMs);

    [LoggerMessage(EventId = LogEvents.TlsHandshakeFailed, Level = LogLevel.Information,
        Message = "TLS handshake on {ListenerId} from {ClientAddress} failed: sni={Sni} certificate={CertificateId} reason={Reason} after {HandshakeMs:F1} ms")]
    public static partial void HandshakeFailed(ILogger logger, string listenerId, string clientAddress, string sni, string certificateId, string reason, double handshakeMs);

    [LoggerMessage(EventId = LogEvents.ConnectionRefusedNoListener, Level = LogLevel.Debug,
        Message = "Connection to {Endpoint} closed: the endpoint's listener was removed or changed by a reload")]
    public static partial void NoListener(ILogger logger, System.Net.IPEndPoint endpoint);
}
