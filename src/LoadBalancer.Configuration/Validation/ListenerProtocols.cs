namespace LoadBalancer.Configuration.Validation;

/// <summary>The listener protocols of ALB (HTTP, HTTPS, QUIC) and NLB (TCP, TCPSSL).</summary>
internal static class ListenerProtocols
{
    public const string Http = "HTTP";
    public const string Https = "HTTPS";
    public const string Quic = "QUIC";
    public const string Tcp = "TCP";
    public const string TcpSsl = "TCPSSL";
}
