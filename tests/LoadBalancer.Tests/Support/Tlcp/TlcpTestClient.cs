using System.Text;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Crypto;
using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>
/// A TLCP client for tests, built on the engine's record layer, messages and crypto: all four suites, signing and
/// encryption certificates for ECDHE, Tongsuo's or GmSSL's message forms. Application data as whole records.
/// </summary>
public sealed class TlcpTestClient : IAsyncDisposable
{
    private static readonly SecureRandom Random = new();
    private readonly Stream _stream;
    private readonly RecordReader _reader;
    private readonly RecordWriter _writer;

    private TlcpTestClient(Stream stream)
    {
        _stream = stream;
        _reader = new RecordReader(stream);
        _writer = new RecordWriter(stream);
    }

    public TlcpCipherSuite Suite { get; private set; }

    public X509Certificate? ServerSignCertificate { get; private set; }

    /// <summary>Runs the handshake; a fatal alert from the server surfaces as <see cref="TlcpException"/> with SentByPeer.</summary>
    public static async Task<TlcpTestClient> ConnectAsync(Stream stream, TlcpClientOptions options, CancellationToken cancellationToken = default)
    {
        var client = new TlcpTestClient(stream);
        var channel = new HandshakeChannel(client._reader, client._writer, new Transcript());
        await new ClientHandshake(channel, options, Random).RunAsync(client, cancellationToken);
        return client;
    }

    internal void Completed(TlcpCipherSuite suite, X509Certificate serverSign)
    {
        Suite = suite;
        ServerSignCertificate = serverSign;
    }

    public async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        _writer.Append(ContentType.ApplicationData, data.Span);
        await _writer.FlushAsync(cancellationToken);
    }

    public Task SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    /// <summary>Sends an alert record (close_notify by default).</summary>
    public async Task SendAlertAsync(byte level = 1, TlcpAlert alert = TlcpAlert.CloseNotify)
    {
        _writer.Append(ContentType.Alert, [level, (byte)alert]);
        await _writer.FlushAsync(CancellationToken.None);
    }

    /// <summary>Sends a raw record of any type under the current protection (for protocol-violation tests).</summary>
    internal async Task SendRecordAsync(ContentType type, byte[] payload)
    {
        _writer.Append(type, payload);
        await _writer.FlushAsync(CancellationToken.None);
    }

    /// <summary>The next application data (possibly empty), or null at close_notify or end of stream. Throws on a fatal alert.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (await _reader.ReadAsync(cancellationToken) is { } record)
        {
            switch (record.Type)
            {
                case ContentType.ApplicationData:
                    return record.Payload.ToArray();
                case ContentType.Alert when AlertMessage.IsCloseNotify(record.Payload.Span):
                    return null;
                case ContentType.Alert:
                    continue;
                default:
                    throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{record.Type} record after the handshake");
            }
        }

        return null;
    }

    /// <summary>Everything until close_notify or end of stream.</summary>
    public async Task<byte[]> ReceiveAllAsync(CancellationToken cancellationToken = default)
    {
        using var all = new MemoryStream();
        while (await ReceiveAsync(cancellationToken) is { } chunk)
        {
            all.Write(chunk);
        }

        return all.ToArray();
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    internal static ECPublicKeyParameters PublicKey(X509Certificate certificate) => (ECPublicKeyParameters)certificate.GetPublicKey();
}
