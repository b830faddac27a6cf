using System.Diagnostics;
using System.Net.Security;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tls.ClientHello;
using LoadBalancer.Tlcp;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>What one handshake has learned so far, for its single log line.</summary>
internal sealed class HandshakeAttempt(ListenerRuntime listener, ConnectionContext connection, ILogger logger)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The listener deciding the handshake (refreshed to the current snapshot once the ClientHello is in).</summary>
    public ListenerRuntime Listener { get; set; } = listener;

    public ClientHelloInfo? Hello { get; set; }

    public CertificateSelection? Selection { get; set; }

    /// <summary>The chosen certificate's id where it is not an RSA/ECC <see cref="Selection"/> (TLCP's SM2 certificates).</summary>
    public string? CertificateId { get; set; }

    private string Client => connection.RemoteEndPoint?.ToString() ?? "?";

    private string Sni => Hello?.ServerName ?? "-";

    private double Elapsed => Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    public void Failed(string reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (client, sni, certificate, elapsed) = (Client, Sni, Selection?.Certificate.Id ?? CertificateId ?? "-", Elapsed);
            ConnectionLog.HandshakeFailed(logger, Listener.Id, client, sni, certificate, reason, elapsed);
        }
    }

    public void Completed(SslStream stream)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var alpn = stream.NegotiatedApplicationProtocol.Protocol.IsEmpty ? "-" : stream.NegotiatedApplicationProtocol.ToString();
        var (client, sni, elapsed) = (Client, Sni, Elapsed);
        var selection = Selection!.Value;
        var criterion = selection.Criterion.Describe();
        var version = TlsNames.Version(stream.SslProtocol);
        var cipher = stream.NegotiatedCipherSuite.ToString();
        var clientCertificate = stream.RemoteCertificate?.Subject ?? "-";
        ConnectionLog.HandshakeCompleted(logger, Listener.Id, client, sni, selection.Certificate.Id, criterion, version, cipher, alpn, clientCertificate, elapsed);
    }

    /// <summary>A TLCP handshake's line: the same event as TLS ones, with version <c>TLCP</c> and Tongsuo's suite name.</summary>
    public void CompletedTlcp(TlcpHandshakeInfo info, SelectionCriterion criterion)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (client, sni, elapsed, description) = (Client, Sni, Elapsed, criterion.Describe());
        var clientCertificate = info.ClientSignCertificate?.SubjectDN.ToString() ?? "-";
        ConnectionLog.HandshakeCompleted(logger, Listener.Id, client, sni, CertificateId ?? "-", description, "TLCP", info.CipherSuiteName, "-", clientCertificate, elapsed);
    }
}
