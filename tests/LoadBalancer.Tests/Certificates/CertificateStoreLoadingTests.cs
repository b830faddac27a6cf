using System.Security.Cryptography;
using LoadBalancer.Certificates;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

public sealed class CertificateStoreLoadingTests : IDisposable
{
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData(KeyFormat.Pkcs8)]
    [InlineData(KeyFormat.Traditional)]
    public void LoadsRsaCertificateWithEitherKeyFormat(KeyFormat format)
    {
        var files = _context.WriteLeaf("www-rsa", LeafKey.Rsa(2048), format);

        var result = _context.Load(CertificateTestContext.Entry("cert-rsa", files));

        Assert.Empty(result.Errors);
        var certificate = result.Store.ById["cert-rsa"];
        Assert.Equal(CertificateKeyAlgorithm.Rsa, certificate.Facts.Algorithm);
        Assert.Equal(2048, certificate.Facts.KeySizeBits);
        Assert.True(certificate.Leaf.HasPrivateKey);
    }

    [Theory]
    [InlineData(256, KeyFormat.Pkcs8)]
    [InlineData(256, KeyFormat.Traditional)]
    [InlineData(384, KeyFormat.Pkcs8)]
    [InlineData(384, KeyFormat.Traditional)]
    [InlineData(521, KeyFormat.Pkcs8)]
    public void LoadsEccCertificateOnEachCurveWithEitherKeyFormat(int bits, KeyFormat format)
    {
        var key = bits switch { 256 => LeafKey.EcP256, 384 => LeafKey.EcP384, _ => LeafKey.EcP521 };
        var files = _context.WriteLeaf("www-ecc", key, format);

        var result = _context.Load(CertificateTestContext.Entry("cert-ecc", files));

        Assert.Empty(result.Errors);
        var certificate = result.Store.ById["cert-ecc"];
        Assert.Equal(CertificateKeyAlgorithm.Ecdsa, certificate.Facts.Algorithm);
        Assert.Equal(bits, certificate.Facts.KeySizeBits);
        Assert.True(certificate.Leaf.HasPrivateKey);
    }

    [Fact]
    public void KeepsLeafFirstAndIntermediatesInFileOrder()
    {
        var second = _context.Pki.CreateIntermediate(_context.Intermediate, "Second Intermediate");
        var leaf = _context.Pki.IssueLeaf(second, ["www.example.com"]);
        var files = _context.Pki.Write(leaf, "deep");

        var certificate = _context.Load(CertificateTestContext.Entry("deep", files)).Store.ById["deep"];

        Assert.Equal(leaf.Certificate.Thumbprint, certificate.Leaf.Thumbprint);
        Assert.Equal([second.Certificate.Thumbprint, _context.Intermediate.Certificate.Thumbprint], certificate.Intermediates.Select(c => c.Thumbprint));
    }

    [Fact]
    public void LeafWithoutChainHasNoIntermediates()
    {
        var files = _context.Pki.Write(_context.Pki.IssueLeaf(_context.Intermediate, ["a.example.com"]), "bare", includeChain: false);

        var certificate = _context.Load(CertificateTestContext.Entry("bare", files)).Store.ById["bare"];

        Assert.Empty(certificate.Intermediates);
    }

    [Fact]
    public void NamesComeFromDnsSansLowerCasedAndNotFromCn()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, ["WWW.Example.COM", "*.Api.Example.com"], subject: "CN=ignored.example.com");
        var files = _context.Pki.Write(leaf, "sans");

        var certificate = _context.Load(CertificateTestContext.Entry("sans", files)).Store.ById["sans"];

        Assert.Equal(["www.example.com", "*.api.example.com"], certificate.Facts.DnsNames);
    }

    [Fact]
    public void NamesFallBackToLowerCasedCnWhenThereIsNoDnsSan()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, [], subject: "O=Example Org, CN=Legacy.Example.COM",
            ipAddresses: [System.Net.IPAddress.Loopback]);
        var files = _context.Pki.Write(leaf, "cn-only");

        var certificate = _context.Load(CertificateTestContext.Entry("cn-only", files)).Store.ById["cn-only"];

        Assert.Equal(["legacy.example.com"], certificate.Facts.DnsNames);
    }

    [Fact]
    public void DetectsMd5SignedCertificate()
    {
        var rsaRoot = _context.Pki.CreateRoot("MD5 Root", LeafKey.Rsa(2048));
        var leaf = _context.Pki.IssueLeaf(rsaRoot, ["old.example.com"], LeafKey.Rsa(2048), md5: true);
        var files = _context.Pki.Write(leaf, "md5");

        var certificate = _context.Load(CertificateTestContext.Entry("md5", files)).Store.ById["md5"];

        Assert.Equal("1.2.840.113549.1.1.4", leaf.Certificate.SignatureAlgorithm.Value);
        Assert.True(certificate.Facts.Md5Signed);
    }

    [Fact]
    public void Sha256SignedCertificateIsNotMd5()
    {
        var certificate = _context.Load(CertificateTestContext.Entry("sha", _context.WriteLeaf("sha"))).Store.ById["sha"];

        Assert.False(certificate.Facts.Md5Signed);
    }

    [Fact]
    public void FileOrderIsThePositionInTheCertificatesList()
    {
        var sm2 = new CertificateConfig { CertificateId = "cert-sm2", SignCertificateFile = "sm2-sign.crt" };
        var first = CertificateTestContext.Entry("first", _context.WriteLeaf("first"));
        var third = CertificateTestContext.Entry("third", _context.WriteLeaf("third"));

        var result = _context.Load(first, sm2, third);

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Store.ById["first"].FileOrder);
        Assert.Equal(2, result.Store.ById["third"].FileOrder);
        Assert.False(result.Store.ById.ContainsKey("cert-sm2"));
    }

    [Fact]
    public void RelativePathsResolveThroughTheGivenFunction()
    {
        _context.WriteLeaf("relative");
        var entry = new CertificateConfig { CertificateId = "rel", CertificateFile = "relative.crt", PrivateKeyFile = "./relative.key" };

        var result = _context.Load(entry);

        Assert.Empty(result.Errors);
        Assert.Contains("rel", result.Store.ById.Keys);
    }

    [Fact]
    public void ExpiredLeafLoadsWithAWarning()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, ["old.example.com"],
            notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var files = _context.Pki.Write(leaf, "expired");

        var result = _context.Load(CertificateTestContext.Entry("expired", files));

        var warning = Assert.Single(result.Errors);
        Assert.Equal(ConfigSeverity.Warning, warning.Severity);
        Assert.Equal("Certificate 'expired'", warning.Resource);
        Assert.Equal("CertificateFile", warning.Field);
        Assert.Contains("expired on", warning.Message, StringComparison.Ordinal);
        Assert.Contains(files.CertificateFile, warning.Message, StringComparison.Ordinal);
        Assert.Contains("expired", result.Store.ById.Keys);
    }

    [Fact]
    public void NotYetValidLeafLoadsWithAWarning()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, ["new.example.com"],
            notBefore: DateTimeOffset.UtcNow.AddDays(2), notAfter: DateTimeOffset.UtcNow.AddDays(30));
        var files = _context.Pki.Write(leaf, "future");

        var result = _context.Load(CertificateTestContext.Entry("future", files));

        var warning = Assert.Single(result.Errors);
        Assert.False(warning.IsError);
        Assert.Contains("is not valid until", warning.Message, StringComparison.Ordinal);
        Assert.Contains("future", result.Store.ById.Keys);
    }

    [Fact]
    public void CaCertificateAsLeafLoadsWithAWarning()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, ["ca.example.com"], isCa: true);
        var files = _context.Pki.Write(leaf, "ca-leaf");

        var result = _context.Load(CertificateTestContext.Entry("ca-leaf", files));

        var warning = Assert.Single(result.Errors);
        Assert.False(warning.IsError);
        Assert.Equal("CertificateFile", warning.Field);
        Assert.Contains("is a CA certificate", warning.Message, StringComparison.Ordinal);
        Assert.Contains(files.CertificateFile, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PkiKeyFormatsWriteTheExpectedPemLabels()
    {
        var rsa = _context.Pki.IssueLeaf(_context.Intermediate, ["a.example.com"], LeafKey.From(RSA.Create(2048)));
        var ec = _context.Pki.IssueLeaf(_context.Intermediate, ["b.example.com"]);

        Assert.StartsWith(PemLabel.Begin("RSA PRIVATE KEY"), rsa.KeyPem(KeyFormat.Traditional), StringComparison.Ordinal);
        Assert.StartsWith(PemLabel.Begin("EC PRIVATE KEY"), ec.KeyPem(KeyFormat.Traditional), StringComparison.Ordinal);
        Assert.StartsWith(PemLabel.Begin("PRIVATE KEY"), ec.KeyPem(), StringComparison.Ordinal);
    }
}
