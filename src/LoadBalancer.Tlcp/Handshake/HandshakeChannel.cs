using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// The handshake's view of the record layer: whole messages in (each added to the transcript), flights out, the
/// ChangeCipherSpec in its place, and the peer's alerts turned into exceptions.
/// </summary>
internal sealed class HandshakeChannel
{
    private readonly RecordReader _reader;
    private readonly RecordWriter _writer;
    private readonly HandshakeReader _messages = new();

    public HandshakeChannel(RecordReader reader, RecordWriter writer, Transcript transcript)
    {
        _reader = reader;
        _writer = writer;
        Transcript = transcript;
    }

    public Transcript Transcript { get; }

    public RecordReader Reader => _reader;

    public RecordWriter Writer => _writer;

    public async ValueTask<HandshakeMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_messages.TryTake() is { } message)
            {
                Transcript.Add(message.Raw);
                return message;
            }

            var record = await ReadRecordAsync("a handshake message", cancellationToken);
            if (record.Type != ContentType.Handshake)
            {
                throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{record.Type} record where a handshake message was expected");
            }

            _messages.Add(record.Payload.Span);
        }
    }

    public async ValueTask<HandshakeMessage> ExpectAsync(HandshakeType type, CancellationToken cancellationToken)
    {
        var message = await ReadMessageAsync(cancellationToken);
        if (message.Type != type)
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{message.Type} where {type} was expected");
        }

        return message;
    }

    public async ValueTask ExpectChangeCipherSpecAsync(CancellationToken cancellationToken)
    {
        if (_messages.HasPartialMessage)
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, "ChangeCipherSpec after handshake bytes not yet processed");
        }

        var record = await ReadRecordAsync("ChangeCipherSpec", cancellationToken);
        if (record.Type != ContentType.ChangeCipherSpec)
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{record.Type} record where ChangeCipherSpec was expected");
        }

        if (record.Payload.Length != 1 || record.Payload.Span[0] != 1)
        {
            throw new TlcpException(TlcpAlert.DecodeError, "malformed ChangeCipherSpec");
        }
    }

    public void Send(WireWriter message) => Send(message.Written);

    public void Send(ReadOnlySpan<byte> message)
    {
        Transcript.Add(message);
        _writer.Append(ContentType.Handshake, message);
    }

    public void SendChangeCipherSpec() => _writer.Append(ContentType.ChangeCipherSpec, [1]);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    private async ValueTask<TlcpRecord> ReadRecordAsync(string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await _reader.ReadAsync(cancellationToken)
                ?? throw new TlcpException(TlcpAlert.HandshakeFailure, $"the peer closed the connection where {expected} was expected");
            if (record.Type != ContentType.Alert)
            {
                return record;
            }

            AlertMessage.ThrowIfFatalOrClose(record.Payload.Span, "during the handshake");
        }
    }
}
