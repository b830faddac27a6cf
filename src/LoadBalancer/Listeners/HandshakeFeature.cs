using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Listeners;

/// <summary>The facts of a connection's TLS handshake that logging and forwarding use, read once.</summary>
internal sealed class HandshakeFeature(ClientHelloInfo clientHello, CertificateSelection selection)
{
    public ClientHelloInfo ClientHello { get; } = clientHello;

    public CertificateSelection Selection { get; } = selection;
}
