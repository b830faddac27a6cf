using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Tests.Tls;

public sealed class ClientHelloInfoTests
{
    [Fact]
    public void Tls12ClientOfferingOnlyEcdheRsaSuitesDoesNotSupportEcdsaDespiteEcdsaSchemes()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0xC02F, 0xC030).WithSignatureAlgorithms(0x0403, 0x0804));

        Assert.False(info.SupportsEcdsa);
    }

    [Fact]
    public void Tls12ClientWithEcdheEcdsaSuiteAndNoSignatureAlgorithmsSupportsEcdsa()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0xC02B));

        Assert.False(info.HasSignatureAlgorithms);
        Assert.Empty(info.SignatureAlgorithms);
        Assert.True(info.SupportsEcdsa);
    }

    [Fact]
    public void Tls12ClientWithEcdheEcdsaSuiteButOnlyRsaSchemesDoesNotSupportEcdsa()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0xC02B).WithSignatureAlgorithms(0x0401, 0x0804));

        Assert.False(info.SupportsEcdsa);
    }

    [Fact]
    public void Tls12ClientWithEcdheEcdsaSuiteAndEcdsaSha1SupportsEcdsa()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0xC009).WithSignatureAlgorithms(0x0201, 0x0203));

        Assert.True(info.SupportsEcdsa);
    }

    [Fact]
    public void Tls13ClientWithEcdsaSchemeSupportsEcdsaWithoutEcdsaSuites()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0x1301).WithSupportedVersions(0x0304).WithSignatureAlgorithms(0x0804, 0x0503));

        Assert.True(info.SupportsEcdsa);
    }

    [Fact]
    public void Tls13ClientWithOnlyEcdsaSha1DoesNotSupportEcdsa()
    {
        var info = Read(new ClientHelloBuilder().WithCipherSuites(0x1301).WithSupportedVersions(0x0304).WithSignatureAlgorithms(0x0804, 0x0203));

        Assert.False(info.SupportsEcdsa);
    }

    [Fact]
    public void MaxVersionIgnoresGreaseAndFallsBackToClientVersion()
    {
        var withGrease = Read(new ClientHelloBuilder().WithSupportedVersions(0x7A7A, 0x0304, 0x0303));
        var onlyGrease = Read(new ClientHelloBuilder { LegacyVersion = 0x0302 }.WithSupportedVersions(0x1A1A));
        var none = Read(new ClientHelloBuilder { LegacyVersion = 0x0301 });

        Assert.Equal(0x0304, withGrease.MaxVersion);
        Assert.Equal([(ushort)0x7A7A, 0x0304, 0x0303], withGrease.SupportedVersions);
        Assert.Equal(0x0302, onlyGrease.MaxVersion);
        Assert.Equal(0x0301, none.MaxVersion);
        Assert.Empty(none.SupportedVersions);
    }

    [Fact]
    public void KeepsFirstHostNameExactlyAsSentAndAlpnNames()
    {
        var info = Read(new ClientHelloBuilder().WithServerName("WWW.Example.COM.").WithAlpn("h2", "acme-tls/1", "http/1.1"));

        Assert.Equal("WWW.Example.COM.", info.ServerName);
        Assert.Equal(["h2", "acme-tls/1", "http/1.1"], info.ApplicationProtocols);
    }

    [Fact]
    public void UnknownExtensionsAreSkipped()
    {
        var info = Read(new ClientHelloBuilder().WithExtension(0xFF01, [0x00]).WithExtension(0x2A2A, []).WithSupportedGroups(0x001D, 0x0017));

        Assert.Equal([(ushort)0x001D, 0x0017], info.SupportedGroups);
    }

    [Fact]
    public void InfoCanBeBuiltDirectlyForOtherComponentsTests()
    {
        var info = new ClientHelloInfo(0x0301, 0x0303, [0x0304], [0x1301], [0x0403], [0x001D], "a.example.com", ["h2"], 200);

        Assert.True(info.OffersTls13);
        Assert.True(info.SupportsEcdsa);
        Assert.Equal(0x0304, info.MaxVersion);
    }

    private static ClientHelloInfo Read(ClientHelloBuilder builder) => ClientHelloAssert.Complete(builder.Build());
}
