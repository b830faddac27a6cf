using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LoadBalancer.Listeners;

/// <summary>
/// What Kestrel's own HTTPS middleware would expose after a handshake, so that the HTTP pipeline (scheme, HTTP/2 by
/// ALPN, client certificate) works the same on connections whose TLS we terminate ourselves.
/// </summary>
internal sealed class TlsConnectionFeatures(SslStream stream, string? hostName)
    : ITlsConnectionFeature, ITlsHandshakeFeature, ITlsApplicationProtocolFeature, ISslStreamFeature
{
    public SslStream SslStream { get; } = stream;

    public X509Certificate2? ClientCertificate
    {
        get => SslStream.RemoteCertificate as X509Certificate2;
        set => throw new NotSupportedException("the client certificate comes from the handshake");
    }

    public ReadOnlyMemory<byte> ApplicationProtocol => SslStream.NegotiatedApplicationProtocol.Protocol;

    public SslProtocols Protocol => SslStream.SslProtocol;

    public TlsCipherSuite? NegotiatedCipherSuite => SslStream.NegotiatedCipherSuite;

    public string HostName => hostName ?? "";

#pragma warning disable SYSLIB0058 // the legacy algorithm properties are part of the interface
    public CipherAlgorithmType CipherAlgorithm => SslStream.CipherAlgorithm;

    public int CipherStrength => SslStream.CipherStrength;

    public HashAlgorithmType HashAlgorithm => SslStream.HashAlgorithm;

    public int HashStrength => SslStream.HashStrength;

    public ExchangeAlgorithmType KeyExchangeAlgorithm => SslStream.KeyExchangeAlgorithm;

    public int KeyExchangeStrength => SslStream.KeyExchangeStrength;
#pragma warning restore SYSLIB0058

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);
}
