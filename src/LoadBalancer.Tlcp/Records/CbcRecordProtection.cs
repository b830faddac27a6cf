using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace LoadBalancer.Tlcp.Records;

/// <summary>
/// SM4-CBC with HMAC-SM3, MAC-then-encrypt: <c>IV(16) || SM4-CBC(plaintext || MAC || padding)</c>. Opening checks the
/// padding and the MAC without branching on secret data and with the same amount of hashing whatever the padding.
/// </summary>
internal sealed class CbcRecordProtection : RecordProtection
{
    private const int BlockLength = 16;
    private const int MacLength = 32;
    private const int MaxPadding = 256;
    private readonly SM4Engine _encrypt = new();
    private readonly SM4Engine _decrypt = new();
    private readonly HMac _mac = new(new SM3Digest());
    private readonly SM3Digest _dummy = new();

    public CbcRecordProtection(byte[] macKey, byte[] key)
    {
        _encrypt.Init(true, new KeyParameter(key));
        _decrypt.Init(false, new KeyParameter(key));
        _mac.Init(new KeyParameter(macKey));
    }

    public override int MaxOverhead => BlockLength + MacLength + BlockLength;

    public override int Seal(ContentType type, ulong sequence, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var iv = destination[..BlockLength];
        RandomNumberGenerator.Fill(iv);
        var body = destination[BlockLength..];
        plaintext.CopyTo(body);
        ComputeMac(type, sequence, plaintext, body.Slice(plaintext.Length, MacLength));
        var unpadded = plaintext.Length + MacLength;
        var padding = BlockLength - (unpadded % BlockLength);
        body.Slice(unpadded, padding).Fill((byte)(padding - 1));
        var total = unpadded + padding;
        EncryptCbc(iv, body[..total]);
        return BlockLength + total;
    }

    public override bool TryOpen(ContentType type, ulong sequence, Span<byte> fragment, out int offset, out int length)
    {
        offset = BlockLength;
        length = 0;
        var n = fragment.Length - BlockLength;
        if (n < MacLength + BlockLength || n % BlockLength != 0)
        {
            return false;
        }

        var body = fragment[BlockLength..];
        DecryptCbc(fragment[..BlockLength], body);
        var good = CheckPadding(body, out var toRemove);
        length = n - toRemove - MacLength;
        Span<byte> expected = stackalloc byte[MacLength];
        ComputeMac(type, sequence, body[..length], expected);
        HashDummy(n - MacLength - length);
        Span<byte> received = stackalloc byte[MacLength];
        ExtractMac(body, length, received);
        good &= ConstantTime.Equal(expected, received);
        return good == uint.MaxValue;
    }

    /// <summary>All-ones when the padding is well formed; <paramref name="toRemove"/> is its length, or 0 when it is not.</summary>
    private static uint CheckPadding(ReadOnlySpan<byte> body, out int toRemove)
    {
        var n = body.Length;
        uint padLength = body[n - 1];
        var good = ConstantTime.LessOrEqual(padLength + 1 + MacLength, (uint)n);
        var checkedBytes = Math.Min(MaxPadding, n);
        for (var i = 0; i < checkedBytes; i++)
        {
            var inPadding = ConstantTime.LessOrEqual((uint)i, padLength);
            var matches = ConstantTime.Equal(body[n - 1 - i], padLength);
            good &= ~inPadding | matches;
        }

        toRemove = (int)(good & (padLength + 1));
        return good;
    }

    /// <summary>Copies the MAC at a secret offset by touching every position it can be at.</summary>
    private static void ExtractMac(ReadOnlySpan<byte> body, int macOffset, Span<byte> destination)
    {
        destination.Clear();
        var last = body.Length - MacLength;
        var first = Math.Max(0, last - MaxPadding);
        for (var candidate = first; candidate <= last; candidate++)
        {
            var select = (byte)ConstantTime.Equal((uint)candidate, (uint)macOffset);
            for (var k = 0; k < MacLength; k++)
            {
                destination[k] |= (byte)(body[candidate + k] & select);
            }
        }
    }

    private void ComputeMac(ContentType type, ulong sequence, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        Span<byte> header = stackalloc byte[AdditionalDataLength];
        WriteAdditionalData(header, sequence, type, plaintext.Length);
        _mac.BlockUpdate(header);
        _mac.BlockUpdate(plaintext);
        _mac.DoFinal(destination);
    }

    /// <summary>Hashes as many bytes as the padding removed, so the MAC check costs the same for every padding length.</summary>
    private void HashDummy(int count)
    {
        Span<byte> zeros = stackalloc byte[MaxPadding + BlockLength];
        _dummy.BlockUpdate(zeros[..Math.Clamp(count, 0, zeros.Length)]);
        _dummy.Reset();
    }

    private void EncryptCbc(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        ReadOnlySpan<byte> previous = iv;
        for (var i = 0; i < data.Length; i += BlockLength)
        {
            var block = data.Slice(i, BlockLength);
            Xor(block, previous);
            _encrypt.ProcessBlock(block, block);
            previous = block;
        }
    }

    private void DecryptCbc(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        Span<byte> previous = stackalloc byte[BlockLength];
        Span<byte> current = stackalloc byte[BlockLength];
        iv.CopyTo(previous);
        for (var i = 0; i < data.Length; i += BlockLength)
        {
            var block = data.Slice(i, BlockLength);
            block.CopyTo(current);
            _decrypt.ProcessBlock(block, block);
            Xor(block, previous);
            current.CopyTo(previous);
        }
    }

    private static void Xor(Span<byte> block, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < BlockLength; i++)
        {
            block[i] ^= other[i];
        }
    }
}
