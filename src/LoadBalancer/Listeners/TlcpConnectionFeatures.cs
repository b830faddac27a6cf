using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Tlcp;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace LoadBalancer.Listeners;

/// <summary>
/// What the HTTP pipeline sees of a TLCP connection: a TLS connection (https scheme) speaking HTTP/1.1 (TLCP has no
/// ALPN), with the SNI the client sent. There is no .NET client certificate: SM2 certificates are BouncyCastle's.
/// </summary>
internal sealed class TlcpConnectionFeatures(TlcpHandshakeInfo info, string? hostName)
    : ITlsConnectionFeature, ITlsHandshakeFeature, ITlsApplicationProtocolFeature
{
    public TlcpHandshakeInfo Info { get; } = info;

    public X509Certificate2? ClientCertificate
    {
        get => null;
        set => throw new NotSupportedException("the client certificate comes from the handshake");
    }

    public ReadOnlyMemory<byte> ApplicationProtocol => SslApplicationProtocol.Http11.Protocol;

    public SslProtocols Protocol => SslProtocols.None;

    public TlsCipherSuite? NegotiatedCipherSuite => null;

    public string HostName => hostName ?? "";

#pragma warning disable SYSLIB0058 // the legacy algorithm properties are part of the interface
    public CipherAlgorithmType CipherAlgorithm => CipherAlgorithmType.None;

    public int CipherStrength => 128;

    public HashAlgorithmType HashAlgorithm => HashAlgorithmType.None;

    public int HashStrength => 256;

    public ExchangeAlgorithmType KeyExchangeAlgorithm => ExchangeAlgorithmType.None;

    public int KeyExchangeStrength => 256;
#pragma warning restore SYSLIB0058

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
}
