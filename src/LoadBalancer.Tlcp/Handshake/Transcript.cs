using System.Buffers;
using LoadBalancer.Tlcp.Crypto;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// Every handshake message so far, kept whole: Finished and Tongsuo's CertificateVerify use its SM3 hash, GmSSL's
/// CertificateVerify signs the messages themselves.
/// </summary>
internal sealed class Transcript
{
    private readonly ArrayBufferWriter<byte> _messages = new(4096);

    public void Add(ReadOnlySpan<byte> message) => _messages.Write(message);

    public ReadOnlySpan<byte> Messages => _messages.WrittenSpan;

    public byte[] Hash() => TlcpPrf.Sm3(Messages);
}
