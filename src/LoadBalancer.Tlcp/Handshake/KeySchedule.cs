using LoadBalancer.Tlcp.Crypto;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>Master secret, key block, record protections and Finished, as GB/T 38636 (the TLS 1.2 PRF with HMAC-SM3).</summary>
internal static class KeySchedule
{
    public const int MasterSecretLength = 48;
    public const int FinishedLength = 12;
    private const int MacKeyLength = 32;
    private const int KeyLength = 16;
    private const int IvLength = 16;
    private const int SaltLength = 4;

    public static byte[] MasterSecret(ReadOnlySpan<byte> premaster, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom) =>
        TlcpPrf.Compute(premaster, "master secret", [.. clientRandom, .. serverRandom], MasterSecretLength);

    /// <summary>The record protection of one direction (client-to-server when <paramref name="clientWrite"/>).</summary>
    public static RecordProtection Protection(
        TlcpCipherSuite suite, ReadOnlySpan<byte> master, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, bool clientWrite)
    {
        var gcm = TlcpCipherSuites.IsGcm(suite);
        var length = gcm ? 2 * (KeyLength + SaltLength) : 2 * (MacKeyLength + KeyLength + IvLength);
        var block = TlcpPrf.Compute(master, "key expansion", [.. serverRandom, .. clientRandom], length);
        var side = clientWrite ? 0 : 1;
        if (gcm)
        {
            var key = block.AsSpan(side * KeyLength, KeyLength).ToArray();
            var salt = block.AsSpan((2 * KeyLength) + (side * SaltLength), SaltLength).ToArray();
            return new GcmRecordProtection(key, salt);
        }

        var macKey = block.AsSpan(side * MacKeyLength, MacKeyLength).ToArray();
        var cipherKey = block.AsSpan((2 * MacKeyLength) + (side * KeyLength), KeyLength).ToArray();
        return new CbcRecordProtection(macKey, cipherKey);
    }

    public static byte[] Finished(ReadOnlySpan<byte> master, bool client, ReadOnlySpan<byte> transcriptHash) =>
        TlcpPrf.Compute(master, client ? "client finished" : "server finished", transcriptHash, FinishedLength);
}
