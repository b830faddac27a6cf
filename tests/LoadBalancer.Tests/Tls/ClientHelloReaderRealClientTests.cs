using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Tests.Tls;

public sealed class ClientHelloReaderRealClientTests(CapturedClientHellos hellos) : IClassFixture<CapturedClientHellos>
{
    [Fact]
    public void ReadsServerNameAndAlpnFromSslStreamClientHello()
    {
        var info = ClientHelloAssert.Complete(hellos.DotNet);

        Assert.Equal("www.example.com", info.ServerName);
        Assert.Equal(["h2", "http/1.1"], info.ApplicationProtocols);
        Assert.False(info.IsTlcp);
        Assert.NotEmpty(info.CipherSuites);
        Assert.True(info.HasSignatureAlgorithms);
        Assert.Equal(hellos.DotNet.Length, info.RecordBytes);
    }

    [Fact]
    public void ReadsServerNameFromOpensslClientHello()
    {
        var info = ClientHelloAssert.Complete(hellos.Openssl);

        Assert.Equal("a.example.com", info.ServerName);
        Assert.Equal(["h2", "http/1.1"], info.ApplicationProtocols);
        Assert.Equal(0x0303, info.LegacyVersion);
        Assert.True(info.OffersTls13);
        Assert.Equal(0x0304, info.MaxVersion);
        Assert.Contains((ushort)0x0303, info.SupportedVersions);
        Assert.Contains((ushort)0x001D, info.SupportedGroups);
        Assert.Contains((ushort)0x1301, info.CipherSuites);
        Assert.True(info.SupportsEcdsa);
        Assert.Equal(hellos.Openssl.Length, info.RecordBytes);
    }

    [Fact]
    public void OpensslTls12ClientWithOnlyEcdheRsaSuitesDoesNotSupportEcdsa()
    {
        var info = ClientHelloAssert.Complete(hellos.OpensslTls12EcdheRsa);

        Assert.Equal("b.example.com", info.ServerName);
        Assert.False(info.OffersTls13);
        Assert.Equal(0x0303, info.MaxVersion);
        Assert.Contains((ushort)0xC02F, info.CipherSuites);
        Assert.Contains((ushort)0x0403, info.SignatureAlgorithms);
        Assert.False(info.SupportsEcdsa);
    }

    [Fact]
    public void OpensslTls13ClientSupportsEcdsa()
    {
        var info = ClientHelloAssert.Complete(hellos.OpensslTls13);

        Assert.Equal("c.example.com", info.ServerName);
        Assert.True(info.OffersTls13);
        Assert.Equal([(ushort)0x0304], info.SupportedVersions);
        Assert.True(info.SupportsEcdsa);
    }

    [Fact]
    public void OpensslClientWithoutServerNameHasNullServerName()
    {
        var info = ClientHelloAssert.Complete(hellos.OpensslNoServerName);

        Assert.Null(info.ServerName);
        Assert.Empty(info.ApplicationProtocols);
    }

    [Fact]
    public void EveryPrefixOfARealClientHelloNeedsMoreData()
    {
        foreach (var hello in hellos.All)
        {
            ClientHelloReaderRobustness.AssertEveryPrefixNeedsMoreData(hello);
        }
    }

    [Fact]
    public void RealClientHelloSplitIntoTwoRecordsParsesIdentically()
    {
        foreach (var hello in hellos.All)
        {
            var expected = ClientHelloAssert.Complete(hello);
            var message = TlsRecords.MessageOf(hello);
            foreach (var split in new[] { 1, 3, 4, 5, 40, message.Length / 2, message.Length - 1 })
            {
                var twoRecords = TlsRecords.Wrap(message, expected.RecordVersion, split);
                var actual = ClientHelloAssert.Complete(twoRecords);
                ClientHelloAssert.SameFacts(expected, actual);
                Assert.Equal(hello.Length + 5, actual.RecordBytes);
                ClientHelloReaderRobustness.AssertEveryPrefixNeedsMoreData(twoRecords);
            }
        }
    }

    [Fact]
    public void RealClientHelloSplitAcrossSegmentsParsesIdentically()
    {
        foreach (var hello in hellos.All)
        {
            var expected = ClientHelloAssert.Complete(hello);
            for (var cut = 1; cut < hello.Length; cut++)
            {
                var actual = ClientHelloAssert.Complete(TlsRecords.Segmented(hello, cut, cut + 7));
                ClientHelloAssert.SameFacts(expected, actual);
                Assert.Equal(expected.RecordBytes, actual.RecordBytes);
            }
        }
    }

    [Fact]
    public void RealClientHelloInTwoRecordsAndManySegmentsParsesIdentically()
    {
        var expected = ClientHelloAssert.Complete(hellos.DotNet);
        var twoRecords = TlsRecords.Wrap(TlsRecords.MessageOf(hellos.DotNet), expected.RecordVersion, 100);
        var cuts = Enumerable.Range(1, twoRecords.Length / 3).Select(i => i * 3).ToArray();

        ClientHelloAssert.SameFacts(expected, ClientHelloAssert.Complete(TlsRecords.Segmented(twoRecords, cuts)));
    }

    [Fact]
    public void BytesAfterTheClientHelloDoNotChangeTheResult()
    {
        var expected = ClientHelloAssert.Complete(hellos.Openssl);
        byte[] followed = [.. hellos.Openssl, 0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x17];

        var actual = ClientHelloAssert.Complete(followed);

        ClientHelloAssert.SameFacts(expected, actual);
        Assert.Equal(hellos.Openssl.Length, actual.RecordBytes);
    }

    [Fact]
    public void MutatedRealClientHellosNeverThrow()
    {
        var random = new Random(1234);
        foreach (var hello in hellos.All)
        {
            for (var i = 0; i < 2000; i++)
            {
                var mutated = (byte[])hello.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                ClientHelloReaderRobustness.AssertDoesNotThrow(mutated[..random.Next(mutated.Length + 1)]);
                ClientHelloReaderRobustness.AssertDoesNotThrow(mutated);
            }
        }
    }
}
