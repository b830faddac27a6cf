using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>The TLS 1.2 PRF (P_hash) with HMAC-SM3, and SM3 itself.</summary>
internal static class TlcpPrf
{
    public const int HashLength = 32;

    public static byte[] Compute(ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> seed, int length)
    {
        var labelSeed = new byte[label.Length + seed.Length];
        Encoding.ASCII.GetBytes(label, labelSeed);
        seed.CopyTo(labelSeed.AsSpan(label.Length));

        var hmac = new HMac(new SM3Digest());
        hmac.Init(new KeyParameter(secret));
        var output = new byte[length];
        var a = labelSeed;
        var block = new byte[HashLength];
        for (var offset = 0; offset < length; offset += HashLength)
        {
            a = Mac(hmac, a, []);
            Mac(hmac, a, labelSeed).CopyTo(block, 0);
            block.AsSpan(0, Math.Min(HashLength, length - offset)).CopyTo(output.AsSpan(offset));
        }

        return output;
    }

    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var output = new byte[HashLength];
        digest.DoFinal(output);
        return output;
    }

    private static byte[] Mac(HMac hmac, byte[] first, byte[] second)
    {
        hmac.BlockUpdate(first, 0, first.Length);
        hmac.BlockUpdate(second, 0, second.Length);
        var output = new byte[HashLength];
        hmac.DoFinal(output, 0);
        return output;
    }
}
