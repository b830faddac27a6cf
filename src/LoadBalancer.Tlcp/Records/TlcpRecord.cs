namespace LoadBalancer.Tlcp.Records;

/// <summary>One opened record; <see cref="Payload"/> is valid until the next read.</summary>
internal readonly record struct TlcpRecord(ContentType Type, Memory<byte> Payload);
