using System.Buffers.Binary;
using System.Text;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// Makes a realistic ClientHello for any server name: the captured openssl TLS 1.3 hello with its server_name
/// extension (the first extension) replaced and the record, handshake and extensions lengths fixed.
/// </summary>
internal static class ClientHelloBuilder
{
    private const int RecordHeader = 5;
    private const int HandshakeHeader = 4;

    public static byte[] WithServerName(ReadOnlySpan<byte> template, string serverName)
    {
        var extensionsLengthAt = ExtensionsLengthOffset(template);
        var oldSniLength = 4 + BinaryPrimitives.ReadUInt16BigEndian(template[(extensionsLengthAt + 4)..]);
        var newSni = ServerNameExtension(serverName);
        var delta = newSni.Length - oldSniLength;
        var hello = new byte[template.Length + delta];
        template[..(extensionsLengthAt + 2)].CopyTo(hello);
        newSni.CopyTo(hello.AsSpan(extensionsLengthAt + 2));
        template[(extensionsLengthAt + 2 + oldSniLength)..].CopyTo(hello.AsSpan(extensionsLengthAt + 2 + newSni.Length));
        AddToUInt16(hello.AsSpan(3), delta);
        AddToUInt24(hello.AsSpan(RecordHeader + 1), delta);
        AddToUInt16(hello.AsSpan(extensionsLengthAt), delta);
        return hello;
    }

    /// <summary>Skips version, random, session id, cipher suites and compression methods.</summary>
    private static int ExtensionsLengthOffset(ReadOnlySpan<byte> hello)
    {
        var at = RecordHeader + HandshakeHeader + 2 + 32;
        at += 1 + hello[at];
        at += 2 + BinaryPrimitives.ReadUInt16BigEndian(hello[at..]);
        at += 1 + hello[at];
        if (BinaryPrimitives.ReadUInt16BigEndian(hello[(at + 2)..]) != 0)
        {
            throw new InvalidOperationException("the template's first extension is not server_name");
        }

        return at;
    }

    private static byte[] ServerNameExtension(string serverName)
    {
        var name = Encoding.ASCII.GetBytes(serverName);
        var extension = new byte[9 + name.Length];
        BinaryPrimitives.WriteUInt16BigEndian(extension.AsSpan(0), 0);
        BinaryPrimitives.WriteUInt16BigEndian(extension.AsSpan(2), (ushort)(5 + name.Length));
        BinaryPrimitives.WriteUInt16BigEndian(extension.AsSpan(4), (ushort)(3 + name.Length));
        extension[6] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(extension.AsSpan(7), (ushort)name.Length);
        name.CopyTo(extension.AsSpan(9));
        return extension;
    }

    private static void AddToUInt16(Span<byte> at, int delta) =>
        BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(at) + delta));

    private static void AddToUInt24(Span<byte> at, int delta)
    {
        var value = (at[0] << 16 | at[1] << 8 | at[2]) + delta;
        at[0] = (byte)(value >> 16);
        at[1] = (byte)(value >> 8);
        at[2] = (byte)value;
    }
}
