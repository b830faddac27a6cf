using LoadBalancer.Certificates;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Tests.Certificates;

public sealed class CaCertificateStoreTests : IDisposable
{
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void LoadsRootAndSubordinateCasOfOneEntry()
    {
        var path = _context.Pki.WriteCertificate(_context.Intermediate, "cas");
        File.AppendAllText(path, _context.Root.CertificatePem());

        var result = Load(new CaCertificateConfig { CertificateId = "ca-clients", CertificateFile = "cas.crt" });

        Assert.Empty(result.Errors);
        Assert.Equal(
            [_context.Intermediate.Certificate.Thumbprint, _context.Root.Certificate.Thumbprint],
            result.Store.ById["ca-clients"].Select(c => c.Thumbprint));
    }

    [Fact]
    public void ReportsMissingFile()
    {
        var result = Load(new CaCertificateConfig { CertificateId = "ca-x", CertificateFile = "nope.crt" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CaCertificate 'ca-x'", error.Resource);
        Assert.Equal("CertificateFile", error.Field);
        Assert.Contains($"'{_context.Temp.Combine("nope.crt")}' was not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Store.ById);
    }

    [Fact]
    public void ReportsUnreadableFile()
    {
        Directory.CreateDirectory(_context.Temp.Combine("dir.crt"));

        var result = Load(new CaCertificateConfig { CertificateId = "ca-x", CertificateFile = "dir.crt" });

        Assert.Contains("could not be read", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsFileWithoutPemCertificate()
    {
        File.WriteAllText(_context.Temp.Combine("empty.crt"), "not a certificate\n");

        var result = Load(new CaCertificateConfig { CertificateId = "ca-x", CertificateFile = "empty.crt" });

        Assert.Contains("no '-----BEGIN CERTIFICATE-----' block", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsCertificateThatIsNotACa()
    {
        var leaf = _context.Pki.IssueClient(_context.Root, "client");
        var path = _context.Pki.WriteCertificate(leaf, "client");
        File.AppendAllText(path, _context.Root.CertificatePem());

        var result = Load(new CaCertificateConfig { CertificateId = "ca-x", CertificateFile = path });

        var error = Assert.Single(result.Errors);
        Assert.True(error.IsError);
        Assert.Contains($"certificate 1 in '{path}' (CN=client) is not a CA certificate", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Store.ById);
    }

    private CaCertificateStoreLoadResult Load(params CaCertificateConfig[] cas) =>
        CaCertificateStore.Load(cas, path => Path.GetFullPath(path, _context.Temp.Path));
}
