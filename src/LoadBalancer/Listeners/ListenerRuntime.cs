using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners.Quic;
using LoadBalancer.Tls.ClientHello;
using LoadBalancer.Tls.Policies;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Listeners;

/// <summary>
/// A listener as one snapshot serves it: its endpoint, security policy, certificate selector, TLS options per
/// certificate, routes and headers. Built once per snapshot; handshakes and requests only read it.
/// </summary>
internal sealed class ListenerRuntime
{
    private static readonly List<SslApplicationProtocol> Http2AndHttp11 = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];
    private static readonly List<SslApplicationProtocol> Http11Only = [SslApplicationProtocol.Http11];
    private static readonly List<SslApplicationProtocol> Http3Only = [SslApplicationProtocol.Http3];
    private readonly ConcurrentDictionary<(ServerCertificate?, bool), SslServerAuthenticationOptions> _serverOptions = new();
    private readonly ConcurrentDictionary<(ServerCertificate?, bool), SslServerAuthenticationOptions> _belowTls12Options = new();
    private readonly ConcurrentDictionary<ServerCertificate, OpenSslCertificate?> _openSslCertificates = new();

    public required string Id { get; init; }

    public required string LoadBalancerId { get; init; }

    public required ListenerKind Kind { get; init; }

    public required IPEndPoint Endpoint { get; init; }

    public required ListenerConfig Config { get; init; }

    public bool Http2Enabled { get; init; }

    /// <summary>The RSA/ECC certificates standard TLS clients get; null on a listener with only SM2 certificates.</summary>
    public CertificateSelector? Selector { get; init; }

    /// <summary>HTTPS listeners with SM2 certificates: what TLCP clients on the same port get; null otherwise.</summary>
    public TlcpListener? Tlcp { get; init; }

    /// <summary>HTTPS and TCPSSL listeners: the security policy and the SslStream options that enforce it.</summary>
    public PolicyTlsOptions? PolicyOptions { get; init; }

    /// <summary>QUIC listeners: what msquic can enforce of the policy (TLS 1.3 only, its GCM and ChaCha20 suites).</summary>
    public QuicTlsOptions? QuicTls { get; init; }

    /// <summary>
    /// HTTPS listeners with QuicUpgradeEnabled: the Alt-Svc value naming the QUIC listener, e.g. <c>h3=":8443"; ma=86400</c>.
    /// </summary>
    public string? AltSvc { get; init; }

    /// <summary>The resolved security policy (versions, ciphers in order, SM suites included); null without TLS.</summary>
    public SecurityPolicy? Policy => PolicyOptions?.Policy;

    /// <summary>Mutual TLS (<c>CaEnabled</c>): the listener's client-certificate check; null when off.</summary>
    public ClientCertificateCheck? ClientCertificates { get; init; }

    /// <summary>The CA names sent in the CertificateRequest, so clients pick the right certificate (mTLS only).</summary>
    public SslCertificateTrust? ClientCertificateTrust { get; init; }

    public ListenerRouter? Router { get; init; }

    /// <summary>TCPSSL listeners: the ALPN policy's protocols in preference order; null when ALPN is off.</summary>
    public List<SslApplicationProtocol>? TcpAlpn { get; init; }

    /// <summary>NLB listeners: the TCP server group every connection is piped to.</summary>
    public ServerGroupRuntime? TcpGroup { get; init; }

    public HttpTransformer? Transformer { get; init; }

    /// <summary>How long a connection may stay without a request in flight before it is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public ForwarderRequestConfig RequestConfig { get; init; } = ForwarderRequestConfig.Empty;

    /// <summary>
    /// The certificate for a ClientHello. The client counts as ECDSA-capable only for what the policy lets it use, so
    /// a client whose ECDSA suites the policy does not offer gets the RSA certificate the policy can serve.
    /// </summary>
    public CertificateSelection Select(ClientHelloInfo hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        return Selector!.Select(hello.ServerName, Policy?.ClientCanUseEcdsa(hello) ?? hello.SupportsEcdsa);
    }

    /// <summary>
    /// The certificate for a QUIC handshake. msquic hands us the SNI only, not the ClientHello; QUIC is TLS 1.3, whose
    /// clients all verify ECDSA P-256 signatures (RFC 8446 9.1), so the client counts as ECDSA-capable.
    /// </summary>
    public CertificateSelection SelectForQuic(string? serverName) => Selector!.Select(serverName, clientSupportsEcdsa: true);

    /// <summary>
    /// The options with <paramref name="certificate"/>'s own context, made on first use and reused by every later
    /// handshake of this snapshot: what QUIC handshakes run on (TLS handshakes use <see cref="HandshakeTlsFor"/>).
    /// </summary>
    public SslServerAuthenticationOptions ServerOptionsFor(ServerCertificate certificate) => OptionsFor(certificate, inOpenSsl: false);

    /// <summary>Whether this listener's TLS handshakes run with the policy and certificate set by <see cref="OpenSslPolicyHook"/>.</summary>
    public bool PolicyInOpenSsl => Kind != ListenerKind.Quic && PolicyOptions is not null && OpenSslPolicyHook.IsActive;

    /// <summary>
    /// What a TLS handshake for this ClientHello with <paramref name="certificate"/> runs on. While the policy is set
    /// inside OpenSSL, the options carry <see cref="OpenSslContextCarrier"/>'s context (one OpenSSL context for every
    /// certificate) and <c>InOpenSsl</c> is the certificate the hook puts on the connection; otherwise (or for a key
    /// OpenSSL does not hold) the options carry the certificate's own context and <c>InOpenSsl</c> is null. HTTP/2 needs TLS 1.2 or later (RFC 9113 9.2; Kestrel
    /// closes an h2 connection on older TLS), so a handshake the policy settles at TLS 1.0 or 1.1 is offered http/1.1 only.
    /// </summary>
    public (SslServerAuthenticationOptions Options, OpenSslCertificate? InOpenSsl) HandshakeTlsFor(ServerCertificate certificate, ClientHelloInfo hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var native = InOpenSslFor(certificate);
        var inOpenSsl = native is not null;
        var options = Http2Enabled && Policy?.AgreedVersion(hello) is TlsVersions.Tls10 or TlsVersions.Tls11
            ? _belowTls12Options.GetOrAdd(OptionsKey(certificate, inOpenSsl), CreateHttp11Options)
            : OptionsFor(certificate, inOpenSsl);
        return (options, native);
    }

    /// <summary>Builds what handshakes with <paramref name="certificate"/> will need, so that the first one need not.</summary>
    public void PrepareHandshakes(ServerCertificate certificate) => _ = OptionsFor(certificate, InOpenSslFor(certificate) is not null);

    private SslServerAuthenticationOptions OptionsFor(ServerCertificate certificate, bool inOpenSsl) => _serverOptions.GetOrAdd(OptionsKey(certificate, inOpenSsl), CreateServerOptions);

    /// <summary>Inside OpenSSL all certificates share the carrier's options (the null certificate).</summary>
    private static (ServerCertificate?, bool) OptionsKey(ServerCertificate certificate, bool inOpenSsl) => (inOpenSsl ? null : certificate, inOpenSsl);

    /// <summary>
    /// The certificate as the hook sets it, made once; null while the policy is not set inside OpenSSL, or for a
    /// certificate whose key OpenSSL does not hold (its handshakes then take its own options: its own OpenSSL context,
    /// the policy through .NET).
    /// </summary>
    private OpenSslCertificate? InOpenSslFor(ServerCertificate certificate) =>
        PolicyInOpenSsl ? _openSslCertificates.GetOrAdd(certificate, static c => OpenSslCertificate.TryFrom(c.Context)) : null;

    /// <summary>
    /// Without mutual TLS the certificate's own context serves (the carrier's inside OpenSSL); with it, a context that
    /// also carries the listener's CA names for the CertificateRequest, and the client certificate is required at
    /// handshake time. The policy sets the versions and ciphers.
    /// </summary>
    private SslServerAuthenticationOptions CreateServerOptions((ServerCertificate? Certificate, bool InOpenSsl) key)
    {
        if (Kind == ListenerKind.Quic)
        {
            return CreateQuicOptions(key.Certificate!);
        }

        var options = CreateCertificateOptions(key.Certificate);
        PolicyOptions?.ApplyTo(options, key.InOpenSsl);
        return options;
    }

    /// <summary>
    /// QUIC: the certificate's context (leaf and intermediates; System.Net.Quic caches msquic's credential per chain),
    /// h3 only, TLS 1.3 only, the policy's TLS 1.3 suites as msquic takes them; one-way authentication. msquic has its
    /// own TLS library, so <see cref="OpenSslPolicyHook"/> plays no part.
    /// </summary>
    private SslServerAuthenticationOptions CreateQuicOptions(ServerCertificate certificate) => new()
    {
        ServerCertificateContext = certificate.Context,
        ApplicationProtocols = Http3Only,
        EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls13,
        CipherSuitesPolicy = QuicTls?.CipherSuites,
        ClientCertificateRequired = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    private SslServerAuthenticationOptions CreateHttp11Options((ServerCertificate? Certificate, bool InOpenSsl) key)
    {
        var options = CreateServerOptions(key);
        options.ApplicationProtocols = Http11Only;
        return options;
    }

    private SslServerAuthenticationOptions CreateCertificateOptions(ServerCertificate? certificate) => new()
    {
        ServerCertificateContext = certificate is null
            ? OpenSslContextCarrier.ContextFor(ClientCertificateTrust)
            : ClientCertificates is null
                ? certificate.Context
                : SslStreamCertificateContext.Create(certificate.Leaf, certificate.Intermediates, offline: true, ClientCertificateTrust),
        ApplicationProtocols = Kind == ListenerKind.TcpSsl ? TcpAlpn : Http2Enabled ? Http2AndHttp11 : Http11Only,
        ClientCertificateRequired = ClientCertificates is not null,
        RemoteCertificateValidationCallback = ClientCertificates is null ? null : ClientCertificates.Validate,
        CertificateChainPolicy = ClientCertificates?.Policy.ChainPolicy,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        AllowRenegotiation = false,
    };
}
