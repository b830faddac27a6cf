namespace LoadBalancer.Tls.ClientHello;

/// <summary>Where the ClientHello handshake message lies in the buffered records.</summary>
/// <param name="RecordVersion">Version field of the first record.</param>
/// <param name="MessageLength">Handshake header (4 bytes) plus body.</param>
/// <param name="RecordBytes">Bytes of the records that carry the message, headers included.</param>
/// <param name="RecordCount">How many records carry the message.</param>
internal readonly record struct HandshakeLocation(ushort RecordVersion, int MessageLength, int RecordBytes, int RecordCount);
