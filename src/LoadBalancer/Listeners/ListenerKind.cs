namespace LoadBalancer.Listeners;

internal enum ListenerKind
{
    Http,
    Https,

    /// <summary>NLB TCP: a byte pipe to a TCP server group.</summary>
    Tcp,

    /// <summary>NLB TCPSSL: TLS ended here, then a byte pipe to a TCP server group.</summary>
    TcpSsl,
}
