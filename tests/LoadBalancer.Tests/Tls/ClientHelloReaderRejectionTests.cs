using LoadBalancer.Tls.ClientHello;
using System.Text;

namespace LoadBalancer.Tests.Tls;

public sealed class ClientHelloReaderRejectionTests
{
    [Fact]
    public void PlainHttpRequestIsNotTls()
    {
        var error = ClientHelloAssert.Fails(ClientHelloStatus.NotTls, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));

        Assert.Contains("plain HTTP", error, StringComparison.Ordinal);
        Assert.Contains("0x47", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstByteOfPlainHttpIsEnoughToRejectIt()
    {
        ClientHelloAssert.Fails(ClientHelloStatus.NotTls, "G"u8.ToArray());
    }

    [Fact]
    public void SslV2StyleHelloIsNotTls()
    {
        var error = ClientHelloAssert.Fails(ClientHelloStatus.NotTls, [0x80, 0x2E, 0x01, 0x03, 0x01, 0x00, 0x15]);

        Assert.Contains("SSLv2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRecordVersionIsNotTls()
    {
        ClientHelloAssert.Fails(ClientHelloStatus.NotTls, [0x16, 0x05, 0x00]);
    }

    [Fact]
    public void EmptyBufferNeedsMoreData()
    {
        ClientHelloReaderRobustness.AssertEveryPrefixNeedsMoreData([0x16]);
    }

    [Fact]
    public void HandshakeOtherThanClientHelloIsMalformed()
    {
        var serverHello = TlsRecords.Wrap(ClientHelloBuilder.Message(2, new byte[40]), 0x0303);

        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, serverHello);

        Assert.Contains("type 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredLengthOverTheLimitIsTooLargeBeforeTheBytesArrive()
    {
        byte[] start = [0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0x01, 0x00, 0x00];

        ClientHelloAssert.Fails(ClientHelloStatus.TooLarge, start);
    }

    [Fact]
    public void ClientHelloJustOverTheLimitIsTooLarge()
    {
        var baseline = new ClientHelloBuilder().WithPadding(0).BuildMessage().Length;
        var hello = new ClientHelloBuilder().WithPadding(ClientHelloReader.MaxHandshakeBytes - baseline + 1).Build();

        ClientHelloAssert.Fails(ClientHelloStatus.TooLarge, hello);
    }

    [Fact]
    public void ClientHelloOfExactlyTheLimitIsReassembledFromFourFullRecords()
    {
        var baseline = new ClientHelloBuilder().WithPadding(0).BuildMessage().Length;
        var hello = new ClientHelloBuilder().WithServerName("big.example.com")
            .WithPadding(ClientHelloReader.MaxHandshakeBytes - baseline - 24).Build();

        var info = ClientHelloAssert.Complete(hello);

        Assert.Equal("big.example.com", info.ServerName);
        Assert.Equal(hello.Length, info.RecordBytes);
        Assert.Equal(ClientHelloReader.MaxHandshakeBytes + (4 * 5), info.RecordBytes);
    }

    [Fact]
    public void EmptyRecordIsMalformed()
    {
        ClientHelloAssert.Fails(ClientHelloStatus.Malformed, [0x16, 0x03, 0x01, 0x00, 0x00]);
    }

    [Fact]
    public void RecordLongerThanSixteenKilobytesIsMalformed()
    {
        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, [0x16, 0x03, 0x01, 0x40, 0x01]);

        Assert.Contains("record length", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientHelloInterruptedByAnotherContentTypeIsMalformed()
    {
        var message = new ClientHelloBuilder().WithServerName("a.example.com").BuildMessage();
        var records = TlsRecords.Wrap(message, 0x0301, 20);
        records[5 + 20] = 0x17;

        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, records);

        Assert.Contains("content type 0x17", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyTinyRecordsAreTooLarge()
    {
        var message = new ClientHelloBuilder().WithPadding(30000).BuildMessage();
        var records = TlsRecords.Wrap(message, 0x0301, Enumerable.Repeat(1, message.Length).ToArray());

        ClientHelloAssert.Fails(ClientHelloStatus.TooLarge, records);
    }

    [Theory]
    [InlineData(33, "session_id")]
    [InlineData(200, "session_id")]
    public void SessionIdLengthIsChecked(byte length, string field)
    {
        byte[] body = [0x03, 0x03, .. new byte[32], length, .. new byte[length], 0x00, 0x02, 0x13, 0x01, 0x01, 0x00];

        AssertBodyMalformed(body, field);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x03, 0x13, 0x01, 0x13 }, "cipher_suites")]
    [InlineData(new byte[] { 0x00, 0x00 }, "cipher_suites")]
    [InlineData(new byte[] { 0x01, 0x00, 0x13, 0x01 }, "cipher_suites")]
    public void CipherSuitesLengthIsChecked(byte[] suites, string field)
    {
        byte[] body = [0x03, 0x03, .. new byte[32], 0x00, .. suites];

        AssertBodyMalformed(body, field);
    }

    [Fact]
    public void CompressionMethodsLengthIsChecked()
    {
        AssertBodyMalformed([0x03, 0x03, .. new byte[32], 0x00, 0x00, 0x02, 0x13, 0x01, 0x05, 0x00], "compression_methods");
        AssertBodyMalformed([0x03, 0x03, .. new byte[32], 0x00, 0x00, 0x02, 0x13, 0x01, 0x00], "compression_methods");
    }

    [Fact]
    public void TruncatedClientVersionAndRandomAreMalformed()
    {
        AssertBodyMalformed([0x03], "client_version");
        AssertBodyMalformed([0x03, 0x03, 0x00], "random");
    }

    [Fact]
    public void ExtensionsBlockLengthIsChecked()
    {
        byte[] fixedPart = [0x03, 0x03, .. new byte[32], 0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00];

        AssertBodyMalformed([.. fixedPart, 0x00, 0x10, 0x00, 0x00], "extensions");
        AssertBodyMalformed([.. fixedPart, 0x00, 0x00, 0x00], "after the extensions");
        AssertBodyMalformed([.. fixedPart, 0x00, 0x04, 0x00, 0x0A, 0x00, 0x08], "extension length");
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00, 0x05, 0x00, 0x00, 0x01, 0x61 }, "server_name")]
    [InlineData(0, new byte[] { 0x00, 0x04, 0x00, 0x00, 0x03, 0x61 }, "server_name")]
    [InlineData(0, new byte[] { 0x00, 0x00 }, "server_name")]
    [InlineData(0, new byte[] { 0x00, 0x03, 0x00, 0x00, 0x00 }, "server_name host_name is empty")]
    [InlineData(0, new byte[] { 0x00, 0x04, 0x00, 0x00, 0x01, 0x0A }, "not printable ASCII")]
    [InlineData(10, new byte[] { 0x00, 0x03, 0x00, 0x1D, 0x00 }, "supported_groups")]
    [InlineData(10, new byte[] { 0x00, 0x02, 0x00 }, "supported_groups")]
    [InlineData(13, new byte[] { 0x00, 0x00 }, "signature_algorithms")]
    [InlineData(13, new byte[] { 0x00, 0x04, 0x04, 0x03 }, "signature_algorithms")]
    [InlineData(16, new byte[] { 0x00, 0x03, 0x02, 0x68, 0x32, 0x00 }, "application_layer_protocol_negotiation")]
    [InlineData(16, new byte[] { 0x00, 0x03, 0x00, 0x68, 0x32 }, "application_layer_protocol_negotiation")]
    [InlineData(16, new byte[] { 0x00, 0x03, 0x05, 0x68, 0x32 }, "application_layer_protocol_negotiation")]
    [InlineData(43, new byte[] { 0x03, 0x03, 0x04, 0x03 }, "supported_versions")]
    [InlineData(43, new byte[] { 0x03, 0x03, 0x04, 0x03, 0x03 }, "supported_versions")]
    [InlineData(43, new byte[] { }, "supported_versions")]
    public void ExtensionLengthsAreChecked(ushort type, byte[] data, string field)
    {
        var hello = new ClientHelloBuilder().WithExtension(type, data).Build();

        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, hello);

        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateServerNameExtensionIsMalformed()
    {
        var hello = new ClientHelloBuilder().WithServerName("a.example.com").WithServerName("b.example.com").Build();

        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, hello);

        Assert.Contains("duplicate server_name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(42);
        for (var i = 0; i < 20000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (bytes.Length >= 5 && i % 2 == 0)
            {
                bytes[0] = 0x16;
                bytes[1] = 0x03;
                bytes[5 % bytes.Length] = 0x01;
            }

            ClientHelloReaderRobustness.AssertDoesNotThrow(bytes);
            ClientHelloReaderRobustness.AssertDoesNotThrow(TlsRecords.Segmented(bytes, random.Next(bytes.Length + 1), random.Next(bytes.Length + 1)));
        }
    }

    private static void AssertBodyMalformed(byte[] body, string field)
    {
        var hello = TlsRecords.Wrap(ClientHelloBuilder.Message(1, body), 0x0301);

        var error = ClientHelloAssert.Fails(ClientHelloStatus.Malformed, hello);

        Assert.Contains(field, error, StringComparison.Ordinal);
    }
}
