using LoadBalancer.Certificates;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Tests.Certificates.ClientAuth;

public sealed class CaCertificateStoreCrlTests : IDisposable
{
    private readonly CertificateTestContext _context = new();

    public CaCertificateStoreCrlTests()
    {
        _context.Pki.WriteCertificate(_context.Root, "root");
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void LoadsAPemCrlIntoThePolicyOfItsEntry()
    {
        var client = _context.Pki.IssueClient(_context.Root, "client");
        File.WriteAllText(_context.Temp.Combine("root.crl"), TestCrl.Pem(_context.Root, [client]));

        var result = Load("root.crl");

        Assert.Empty(result.Errors);
        var verdict = result.Store.PoliciesById["ca-clients"].Verify(client.Certificate, null, DateTime.UtcNow);
        Assert.StartsWith("revoked by the CRL of CA 'ca-clients'", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsADerCrl()
    {
        var client = _context.Pki.IssueClient(_context.Root, "client");
        File.WriteAllBytes(_context.Temp.Combine("root.crl"), TestCrl.Der(_context.Root, [client]));

        var result = Load("root.crl");

        Assert.Empty(result.Errors);
        Assert.False(result.Store.PoliciesById["ca-clients"].Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void BuildsAPolicyForEveryEntryWithoutACrl()
    {
        var client = _context.Pki.IssueClient(_context.Root, "client");

        var result = Load(crlFile: null);

        Assert.Empty(result.Errors);
        Assert.Equal([_context.Root.Certificate.Thumbprint], result.Store.PoliciesById["ca-clients"].Anchors.Select(c => c.Thumbprint));
        Assert.True(result.Store.PoliciesById["ca-clients"].Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void ReportsMissingCrlFile()
    {
        var error = Assert.Single(Load("nope.crl").Errors);

        Assert.Equal(("CaCertificate 'ca-clients'", "CrlFile"), (error.Resource, error.Field));
        Assert.Contains($"'{_context.Temp.Combine("nope.crl")}' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsUnreadableCrlFile()
    {
        Directory.CreateDirectory(_context.Temp.Combine("dir.crl"));

        Assert.Contains("could not be read", Assert.Single(Load("dir.crl").Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a crl\n")]
    [InlineData("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n")]
    public void ReportsAFileThatIsNotACrl(string text)
    {
        File.WriteAllText(_context.Temp.Combine("bad.crl"), text);

        var result = Load("bad.crl");

        var error = Assert.Single(result.Errors);
        Assert.Equal("CrlFile", error.Field);
        Assert.Contains("is not a CRL", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Store.PoliciesById);
    }

    [Fact]
    public void ReportsACertificateFileGivenAsCrl()
    {
        var result = Load("root.crt");

        Assert.Contains("is not a CRL", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsACrlSignedByAnotherKeyUnderTheSameName()
    {
        var lookalike = _context.Pki.CreateRoot("Test Root");
        File.WriteAllText(_context.Temp.Combine("other.crl"), TestCrl.Pem(lookalike, []));

        var result = Load("other.crl");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CaCertificate 'ca-clients'", "CrlFile", true), (error.Resource, error.Field, error.IsError));
        Assert.StartsWith("the CRL is not signed by this CA: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Store.PoliciesById);
    }

    [Fact]
    public void WarnsAboutAStaleCrlAndStillUsesIt()
    {
        var client = _context.Pki.IssueClient(_context.Root, "client");
        File.WriteAllText(_context.Temp.Combine("stale.crl"), TestCrl.Pem(_context.Root, [client], DateTimeOffset.UtcNow.AddDays(-1)));

        var result = Load("stale.crl");

        var warning = Assert.Single(result.Errors);
        Assert.Equal((ConfigSeverity.Warning, "CrlFile"), (warning.Severity, warning.Field));
        Assert.Contains("nextUpdate", warning.Message, StringComparison.Ordinal);
        Assert.False(result.Store.PoliciesById["ca-clients"].Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    private CaCertificateStoreLoadResult Load(string? crlFile) =>
        CaCertificateStore.Load(
            [new CaCertificateConfig { CertificateId = "ca-clients", CertificateFile = "root.crt", CrlFile = crlFile }],
            path => Path.GetFullPath(path, _context.Temp.Path));
}
