using LoadBalancer.Tls.ClientHello;
using System.Buffers;

namespace LoadBalancer.Tests.Tls;

internal static class ClientHelloReaderRobustness
{
    public static void AssertEveryPrefixNeedsMoreData(byte[] hello)
    {
        for (var length = 0; length < hello.Length; length++)
        {
            var status = ClientHelloReader.TryRead(new ReadOnlySequence<byte>(hello, 0, length), out var info, out var error);
            Assert.True(status == ClientHelloStatus.NeedMoreData, $"prefix of {length} bytes: {status} {error}");
            Assert.Null(info);
        }
    }

    public static void AssertDoesNotThrow(byte[] bytes) => AssertDoesNotThrow(new ReadOnlySequence<byte>(bytes));

    public static void AssertDoesNotThrow(ReadOnlySequence<byte> bytes)
    {
        var status = ClientHelloReader.TryRead(bytes, out var info, out var error);
        Assert.Equal(status == ClientHelloStatus.Complete, info is not null);
        Assert.Equal(status is ClientHelloStatus.Complete or ClientHelloStatus.NeedMoreData, error is null);
    }
}
