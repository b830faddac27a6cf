using System.Text;

namespace LoadBalancer.Tests.Tls;

/// <summary>Builds synthetic ClientHellos with chosen versions, suites and extensions.</summary>
internal sealed class ClientHelloBuilder
{
    private readonly List<(ushort Type, byte[] Data)> _extensions = [];
    private ushort[] _cipherSuites = [0xC02B, 0xC02F];

    public ushort RecordVersion { get; set; } = 0x0301;

    public ushort LegacyVersion { get; set; } = 0x0303;

    public bool OmitExtensionsBlock { get; set; }

    public ClientHelloBuilder WithCipherSuites(params ushort[] suites)
    {
        _cipherSuites = suites;
        return this;
    }

    public ClientHelloBuilder WithExtension(ushort type, byte[] data)
    {
        _extensions.Add((type, data));
        return this;
    }

    public ClientHelloBuilder WithSignatureAlgorithms(params ushort[] schemes) => WithExtension(13, Vector16(UInt16s(schemes)));

    public ClientHelloBuilder WithSupportedGroups(params ushort[] groups) => WithExtension(10, Vector16(UInt16s(groups)));

    public ClientHelloBuilder WithSupportedVersions(params ushort[] versions)
    {
        var list = UInt16s(versions);
        return WithExtension(43, [(byte)list.Length, .. list]);
    }

    public ClientHelloBuilder WithServerName(string host)
    {
        var name = Encoding.ASCII.GetBytes(host);
        return WithExtension(0, Vector16([0, .. Vector16(name)]));
    }

    public ClientHelloBuilder WithAlpn(params string[] protocols)
    {
        var list = protocols.SelectMany(p => (byte[])[(byte)p.Length, .. Encoding.ASCII.GetBytes(p)]).ToArray();
        return WithExtension(16, Vector16(list));
    }

    public ClientHelloBuilder WithPadding(int length) => WithExtension(21, new byte[length]);

    public byte[] BuildBody()
    {
        var body = new List<byte> { (byte)(LegacyVersion >> 8), (byte)LegacyVersion };
        body.AddRange(new byte[32]);
        body.Add(32);
        body.AddRange(Enumerable.Repeat((byte)0xAB, 32));
        body.AddRange(Vector16(UInt16s(_cipherSuites)));
        body.AddRange([1, 0]);
        if (!OmitExtensionsBlock)
        {
            body.AddRange(Vector16([.. _extensions.SelectMany(e => (byte[])[(byte)(e.Type >> 8), (byte)e.Type, .. Vector16(e.Data)])]));
        }

        return [.. body];
    }

    public byte[] BuildMessage() => Message(1, BuildBody());

    /// <summary>The message in records of at most 16384 bytes.</summary>
    public byte[] Build()
    {
        var message = BuildMessage();
        return TlsRecords.Wrap(message, RecordVersion, Enumerable.Repeat(16384, (message.Length / 16384) + 1).ToArray());
    }

    public static byte[] Message(byte type, byte[] body) =>
        [type, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];

    public static byte[] Vector16(byte[] data) => [(byte)(data.Length >> 8), (byte)data.Length, .. data];

    private static byte[] UInt16s(ushort[] values) => values.SelectMany(v => (byte[])[(byte)(v >> 8), (byte)v]).ToArray();
}
