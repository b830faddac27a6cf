using LoadBalancer.Tls.ClientHello;
using System.Buffers;

namespace LoadBalancer.Tests.Tls;

internal static class ClientHelloAssert
{
    public static ClientHelloInfo Complete(byte[] bytes) => Complete(new ReadOnlySequence<byte>(bytes));

    public static ClientHelloInfo Complete(ReadOnlySequence<byte> bytes)
    {
        var status = ClientHelloReader.TryRead(bytes, out var info, out var error);
        Assert.True(status == ClientHelloStatus.Complete, $"{status}: {error}");
        Assert.Null(error);
        return info!;
    }

    public static string Fails(ClientHelloStatus expected, byte[] bytes)
    {
        var status = ClientHelloReader.TryRead(new ReadOnlySequence<byte>(bytes), out var info, out var error);
        Assert.Equal(expected, status);
        Assert.Null(info);
        Assert.False(string.IsNullOrEmpty(error));
        return error!;
    }

    /// <summary>Same facts, except RecordBytes which depends on the record layout.</summary>
    public static void SameFacts(ClientHelloInfo expected, ClientHelloInfo actual)
    {
        Assert.Equal(expected.RecordVersion, actual.RecordVersion);
        Assert.Equal(expected.LegacyVersion, actual.LegacyVersion);
        Assert.Equal(expected.IsTlcp, actual.IsTlcp);
        Assert.Equal(expected.SupportedVersions, actual.SupportedVersions);
        Assert.Equal(expected.MaxVersion, actual.MaxVersion);
        Assert.Equal(expected.OffersTls13, actual.OffersTls13);
        Assert.Equal(expected.CipherSuites, actual.CipherSuites);
        Assert.Equal(expected.SignatureAlgorithms, actual.SignatureAlgorithms);
        Assert.Equal(expected.HasSignatureAlgorithms, actual.HasSignatureAlgorithms);
        Assert.Equal(expected.SupportedGroups, actual.SupportedGroups);
        Assert.Equal(expected.ServerName, actual.ServerName);
        Assert.Equal(expected.ApplicationProtocols, actual.ApplicationProtocols);
        Assert.Equal(expected.SupportsEcdsa, actual.SupportsEcdsa);
    }
}
