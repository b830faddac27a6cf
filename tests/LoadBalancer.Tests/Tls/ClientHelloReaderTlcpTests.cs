using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Tests.Tls;

public sealed class ClientHelloReaderTlcpTests
{
    public static TheoryData<string, ushort> Sessions => new()
    {
        { "tongsuo-client_ecc-sm4-cbc-sm3", 0xE013 },
        { "tongsuo-client_ecc-sm4-gcm-sm3", 0xE053 },
        { "tongsuo-client_ecdhe-sm4-gcm-sm3_client-auth", 0xE051 },
        { "gmssl-client_ecc-sm4-cbc-sm3", 0xE013 },
        { "gmssl-client_ecc-sm4-gcm-sm3", 0xE053 },
        { "gmssl-client_ecc-sm4-cbc-sm3_client-auth", 0xE013 },
    };

    [Theory]
    [MemberData(nameof(Sessions))]
    public void ReadsTlcpClientHelloOfRealSession(string session, ushort suite)
    {
        var stream = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "vectors", "sessions", session, "client-to-server.bin"));

        var info = ClientHelloAssert.Complete(stream);

        Assert.True(info.IsTlcp);
        Assert.Equal(0x0101, info.RecordVersion);
        Assert.Equal(0x0101, info.LegacyVersion);
        Assert.Equal(0x0101, info.MaxVersion);
        Assert.Contains(suite, info.CipherSuites);
        Assert.False(info.OffersTls13);
        Assert.False(info.HasSignatureAlgorithms);
        Assert.False(info.SupportsEcdsa);
        Assert.Equal(5 + ((stream[3] << 8) | stream[4]), info.RecordBytes);
    }

    [Fact]
    public void EveryPrefixOfTlcpClientHelloNeedsMoreData()
    {
        var stream = File.ReadAllBytes(
            Path.Combine(AppContext.BaseDirectory, "vectors", "sessions", "gmssl-client_ecc-sm4-gcm-sm3", "client-to-server.bin"));
        var info = ClientHelloAssert.Complete(stream);

        Assert.Equal("localhost", info.ServerName);
        ClientHelloReaderRobustness.AssertEveryPrefixNeedsMoreData(stream[..info.RecordBytes]);
    }

    [Fact]
    public void TlcpClientHelloWithoutExtensionsIsRead()
    {
        var hello = new ClientHelloBuilder { RecordVersion = 0x0101, LegacyVersion = 0x0101, OmitExtensionsBlock = true }
            .WithCipherSuites(0xE013, 0xE011).Build();

        var info = ClientHelloAssert.Complete(hello);

        Assert.True(info.IsTlcp);
        Assert.Equal([(ushort)0xE013, 0xE011], info.CipherSuites);
        Assert.Null(info.ServerName);
        Assert.Empty(info.SupportedVersions);
    }
}
