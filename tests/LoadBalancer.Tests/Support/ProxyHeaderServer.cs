using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// A TCP backend that expects a PROXY protocol v2 header first, parses it (signature, command, family, addresses,
/// ports, TLVs including PP2_TYPE_SSL's sub-TLVs), hands it to the test, then echoes the rest.
/// </summary>
internal sealed class ProxyHeaderServer : IDisposable
{
    private static readonly byte[] Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<ProxyHeader> _header = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProxyHeaderServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = ServeOneAsync();
    }

    public int Port { get; }

    public Task<ProxyHeader> Header => _header.Task;

    public void Dispose() => _listener.Stop();

    private async Task ServeOneAsync()
    {
        try
        {
            using var socket = await _listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket);
            var fixedPart = new byte[16];
            await stream.ReadExactlyAsync(fixedPart);
            var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(fixedPart.AsSpan(14))];
            await stream.ReadExactlyAsync(body);
            _header.SetResult(Parse(fixedPart, body));
            await stream.CopyToAsync(stream);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            _header.TrySetException(e);
        }
    }

    private static ProxyHeader Parse(byte[] fixedPart, byte[] body)
    {
        if (!fixedPart.AsSpan(0, 12).SequenceEqual(Signature) || fixedPart[12] != 0x21 || fixedPart[13] != 0x11)
        {
            throw new InvalidDataException($"not a PROXY v2 TCP/IPv4 header: {Convert.ToHexString(fixedPart)}");
        }

        var source = new IPEndPoint(new IPAddress(body.AsSpan(0, 4)), BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(8)));
        var destination = new IPEndPoint(new IPAddress(body.AsSpan(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(10)));
        var tlvs = Tlvs(body.AsSpan(12));
        var ssl = tlvs.TryGetValue(0x20, out var sslValue) ? Tlvs(sslValue.AsSpan(5)) : [];
        return new ProxyHeader(source, destination, Text(tlvs, 0x02), Text(tlvs, 0x01), sslValue?[0], sslValue is null ? null : BinaryPrimitives.ReadUInt32BigEndian(sslValue.AsSpan(1)),
            Text(ssl, 0x21), Text(ssl, 0x23), Text(ssl, 0x22));
    }

    private static Dictionary<byte, byte[]> Tlvs(ReadOnlySpan<byte> data)
    {
        var result = new Dictionary<byte, byte[]>();
        while (data.Length >= 3)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
            result[data[0]] = data.Slice(3, length).ToArray();
            data = data[(3 + length)..];
        }

        return result;
    }

    private static string? Text(Dictionary<byte, byte[]> tlvs, byte type) => tlvs.TryGetValue(type, out var value) ? Encoding.UTF8.GetString(value) : null;
}
