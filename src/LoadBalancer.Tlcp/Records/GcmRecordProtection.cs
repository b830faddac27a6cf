using System.Buffers.Binary;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace LoadBalancer.Tlcp.Records;

/// <summary>
/// SM4-GCM records: <c>explicit_nonce(8) || ciphertext || tag(16)</c>, nonce = salt(4) || explicit(8),
/// AAD = seq || type || version || plaintext length. The explicit nonce is read from each record (peers differ in how
/// they choose it); this side sends its sequence number.
/// </summary>
internal sealed class GcmRecordProtection : RecordProtection
{
    private const int ExplicitNonceLength = 8;
    private const int TagLength = 16;
    private readonly GcmBlockCipher _cipher = new(new SM4Engine());
    private readonly byte[] _salt;
    private KeyParameter? _key;

    public GcmRecordProtection(byte[] key, byte[] salt)
    {
        _key = new KeyParameter(key);
        _salt = salt;
    }

    public override int MaxOverhead => ExplicitNonceLength + TagLength;

    public override int Seal(ContentType type, ulong sequence, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, sequence);
        Init(true, destination[..ExplicitNonceLength], type, sequence, plaintext.Length);
        var written = _cipher.ProcessBytes(plaintext, destination[ExplicitNonceLength..]);
        written += _cipher.DoFinal(destination[(ExplicitNonceLength + written)..]);
        return ExplicitNonceLength + written;
    }

    public override bool TryOpen(ContentType type, ulong sequence, Span<byte> fragment, out int offset, out int length)
    {
        offset = ExplicitNonceLength;
        length = fragment.Length - ExplicitNonceLength - TagLength;
        if (length < 0)
        {
            return false;
        }

        Init(false, fragment[..ExplicitNonceLength], type, sequence, length);
        try
        {
            var input = fragment[ExplicitNonceLength..].ToArray();
            var written = _cipher.ProcessBytes(input, fragment[ExplicitNonceLength..]);
            written += _cipher.DoFinal(fragment[(ExplicitNonceLength + written)..]);
            return written == length;
        }
        catch (InvalidCipherTextException)
        {
            return false;
        }
    }

    private void Init(bool forEncryption, ReadOnlySpan<byte> explicitNonce, ContentType type, ulong sequence, int length)
    {
        var nonce = new byte[_salt.Length + ExplicitNonceLength];
        _salt.CopyTo(nonce, 0);
        explicitNonce.CopyTo(nonce.AsSpan(_salt.Length));
        var aad = new byte[AdditionalDataLength];
        WriteAdditionalData(aad, sequence, type, length);

        // The key schedule of GCM (H and its tables) is computed once; later records pass no key.
        _cipher.Init(forEncryption, new AeadParameters(_key, TagLength * 8, nonce, aad));
        _key = null;
    }
}
