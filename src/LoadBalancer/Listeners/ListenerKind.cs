namespace LoadBalancer.Listeners;

internal enum ListenerKind
{
    Http,
    Https,

    /// <summary>NLB TCP: a byte pipe to a TCP server group.</summary>
    Tcp,

    /// <summary>NLB TCPSSL: TLS ended here, then a byte pipe to a TCP server group.</summary>
    TcpSsl,

    /// <summary>ALB QUIC: HTTP/3 over UDP, TLS 1.3 inside QUIC (msquic through System.Net.Quic).</summary>
    Quic,
}
