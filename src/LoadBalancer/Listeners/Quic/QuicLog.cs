using LoadBalancer.Logging;

namespace LoadBalancer.Listeners.Quic;

/// <summary>One line per QUIC handshake (what was chosen and why, or why it failed), and why HTTP/3 is unavailable.</summary>
internal static partial class QuicLog
{
    [LoggerMessage(EventId = LogEvents.QuicHandshakeCompleted, Level = LogLevel.Information,
        Message = "QUIC handshake on {ListenerId} from {ClientAddress}: sni={Sni} certificate={CertificateId} ({Criterion}) TLSv1.3 alpn=h3 in {HandshakeMs:F1} ms")]
    public static partial void HandshakeCompleted(ILogger logger, string listenerId, string clientAddress, string sni, string certificateId, string criterion, double handshakeMs);

    [LoggerMessage(EventId = LogEvents.QuicHandshakeFailed, Level = LogLevel.Information,
        Message = "QUIC handshake on {ListenerId} from {ClientAddress} failed: sni={Sni} certificate={CertificateId} reason={Reason} after {HandshakeMs:F1} ms")]
    public static partial void HandshakeFailed(ILogger logger, string listenerId, string clientAddress, string sni, string certificateId, string reason, double handshakeMs);

    [LoggerMessage(EventId = LogEvents.QuicUnavailable, Level = LogLevel.Warning,
        Message = "HTTP/3 is unavailable: QUIC listener {ListenerId} (UDP {Endpoint}) is not served because {Reason}; every other listener is served, and no HTTPS listener advertises it in Alt-Svc")]
    public static partial void Unavailable(ILogger logger, string listenerId, string endpoint, string reason);
}
