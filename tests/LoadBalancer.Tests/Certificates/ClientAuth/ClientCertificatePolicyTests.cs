using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates.ClientAuth;
using LoadBalancer.Tests.Support;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Certificates.ClientAuth;

public sealed class ClientCertificatePolicyTests : IDisposable
{
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    private TestPki Pki => _context.Pki;

    private TestCertificate Root => _context.Root;

    private TestCertificate Subordinate => _context.Intermediate;

    [Fact]
    public void AcceptsClientCertificateIssuedByARootCaEntry()
    {
        var client = Pki.IssueClient(Root, "client");

        var verdict = Policy(Root).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(true, "accepted"), verdict);
    }

    [Fact]
    public void AcceptsClientOfASubordinateOfTheRootCaWhenTheClientSendsTheSubordinate()
    {
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(Root).Verify(client.Certificate, [Subordinate.Certificate], DateTime.UtcNow);

        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void AcceptsClientOfASubordinateUploadedAloneWithoutIntermediates()
    {
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.Equal("accepted", verdict.Reason);
    }

    [Fact]
    public void AcceptsClientOfASubordinateUploadedAloneWhenTheClientSendsTheSubordinate()
    {
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, [Subordinate.Certificate], DateTime.UtcNow);

        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void AcceptsClientOfASubordinateUploadedAloneWhenTheClientAlsoSendsTheUnconfiguredRoot()
    {
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, [Subordinate.Certificate, Root.Certificate], DateTime.UtcNow);

        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public void DotNetCustomRootTrustAloneDoesNotTrustASubordinateAnchor()
    {
        // The platform behaviour the policy works around: a non-self-signed custom anchor ends in PartialChain.
        var client = Pki.IssueClient(Subordinate, "client");
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Subordinate.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;

        Assert.False(chain.Build(client.Certificate));
        Assert.Contains(chain.ChainStatus, s => s.Status == X509ChainStatusFlags.PartialChain);
    }

    [Fact]
    public void RefusesWhenNoCertificateIsPresented()
    {
        var verdict = Policy(Root).Verify(null, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(false, "no client certificate"), verdict);
    }

    [Fact]
    public void RefusesClientCertificateFromOtherCa()
    {
        var other = Pki.CreateRoot("Other Root");
        var client = Pki.IssueClient(other, "client");

        var verdict = Policy(Root).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("chain to CA 'ca-clients' refused: not issued by this CA (", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesClientOfTheRootWhenOnlyTheSubordinateIsConfigured()
    {
        var client = Pki.IssueClient(Root, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, [Root.Certificate], DateTime.UtcNow);

        Assert.StartsWith("chain to CA 'ca-clients' refused: not issued by this CA", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesCertificateSignedByAnImpostorWithTheSubordinatesName()
    {
        var impostor = Pki.CreateIntermediate(Pki.CreateRoot("Test Root"), "Test Intermediate", pathLength: 0);
        var client = Pki.IssueClient(impostor, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.StartsWith("chain to CA 'ca-clients' refused: not issued by this CA", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesClientOfASubordinateUploadedAloneWhenTheSubordinateHasExpired()
    {
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(Subordinate).Verify(client.Certificate, null, DateTime.UtcNow.AddDays(2000));

        Assert.False(verdict.Accepted);
    }

    [Fact]
    public void RefusesExpiredClientCertificate()
    {
        var client = Client(Root, notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        var verdict = Policy(Root).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(false, $"expired on {client.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z"), verdict);
    }

    [Fact]
    public void RefusesClientCertificateNotYetValid()
    {
        var client = Client(Root, notBefore: DateTimeOffset.UtcNow.AddDays(3), notAfter: DateTimeOffset.UtcNow.AddDays(30));

        var verdict = Policy(Root).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.Equal($"not valid until {client.Certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z", verdict.Reason);
    }

    [Fact]
    public void RefusesCaCertificatePresentedAsTheClientCertificate()
    {
        var verdict = Policy(Root).Verify(Subordinate.Certificate, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(false, "a CA certificate was presented as the client certificate"), verdict);
    }

    [Fact]
    public void RefusesLeafWhoseExtendedKeyUsageIsServerAuthOnly()
    {
        var server = Pki.IssueLeaf(Root, ["www.example.com"]);

        var verdict = Policy(Root).Verify(server.Certificate, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(false, "its extended key usage excludes clientAuth"), verdict);
    }

    [Fact]
    public void AcceptsLeafWithoutExtendedKeyUsage()
    {
        var client = Pki.IssueLeaf(Root, [], subject: "CN=no-eku", extendedKeyUsages: []);

        Assert.True(Policy(Root).Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void RefusesClientCertificateRevokedByTheCasCrl()
    {
        var client = Pki.IssueClient(Root, "client");
        var crl = TestCrl.Parse(TestCrl.Der(Root, [client]));

        var verdict = Policy(Root, crl).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.Equal(new ClientCertificateVerdict(false, $"revoked by the CRL of CA 'ca-clients' (serial {client.Certificate.SerialNumber.TrimStart('0')})"), verdict);
    }

    [Fact]
    public void RefusesClientCertificateRevokedByTheCrlOfASubordinateUploadedAlone()
    {
        var client = Pki.IssueClient(Subordinate, "client");
        var crl = TestCrl.Parse(TestCrl.Der(Subordinate, [client]));

        var verdict = Policy(Subordinate, crl).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.StartsWith("revoked by the CRL of CA 'ca-clients'", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesClientWhoseIntermediateIsRevokedByTheRootsCrl()
    {
        var client = Pki.IssueClient(Subordinate, "client");
        var crl = TestCrl.Parse(TestCrl.Der(Root, [Subordinate]));

        var verdict = Policy(Root, crl).Verify(client.Certificate, [Subordinate.Certificate], DateTime.UtcNow);

        Assert.Equal($"revoked by the CRL of CA 'ca-clients' (serial {Subordinate.Certificate.SerialNumber.TrimStart('0')})", verdict.Reason);
    }

    [Fact]
    public void AcceptsClientCertificateWhenTheCrlListsAnotherSerial()
    {
        var client = Pki.IssueClient(Root, "client");
        var crl = TestCrl.Parse(TestCrl.Der(Root, [Pki.IssueClient(Root, "someone-else")]));

        Assert.True(Policy(Root, crl).Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void IgnoresACrlSignedByAnotherKeyUnderTheSameName()
    {
        var client = Pki.IssueClient(Root, "client");
        var lookalike = Pki.CreateRoot("Test Root");
        var crl = TestCrl.Parse(TestCrl.Der(lookalike, [client]));

        Assert.True(Policy(Root, crl).Verify(client.Certificate, null, DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void VerifiesConcurrently()
    {
        var good = Pki.IssueClient(Subordinate, "good");
        var revoked = Pki.IssueClient(Subordinate, "revoked");
        var policy = Policy(Subordinate, TestCrl.Parse(TestCrl.Der(Subordinate, [revoked])));

        var verdicts = Enumerable.Range(0, 64).AsParallel()
            .Select(i => policy.Verify(i % 2 == 0 ? good.Certificate : revoked.Certificate, null, DateTime.UtcNow).Accepted == (i % 2 == 0))
            .ToList();

        Assert.All(verdicts, Assert.True);
    }

    [Fact]
    public void RefusesAValidClientWhoseSubordinateAnchorUploadedAloneHasExpired()
    {
        // The same subordinate (name and key) re-issued with dates in the past: the client's signature still
        // verifies, and OpenSSL does not check the dates of a chain's last certificate when it is not self-signed.
        var expiredCopy = Pki.CreateIntermediate(Root, "Test Intermediate", LeafKey.From(Subordinate.Key),
            notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var client = Pki.IssueClient(Subordinate, "client");

        var verdict = Policy(expiredCopy).Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.False(verdict.Accepted);
        Assert.Contains("expired on", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesClientsOfASubordinateTheRootsCrlRevokesWhenTheEntryHoldsBoth()
    {
        var client = Pki.IssueClient(Subordinate, "client");
        var crl = TestCrl.Parse(TestCrl.Der(Root, [Subordinate]));
        var policy = ClientCertificatePolicy.Create("ca-clients",
            [X509CertificateLoader.LoadCertificate(Subordinate.Certificate.RawData), X509CertificateLoader.LoadCertificate(Root.Certificate.RawData)], [crl]);

        var verdict = policy.Verify(client.Certificate, null, DateTime.UtcNow);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("revoked by the CRL of CA 'ca-clients'", verdict.Reason, StringComparison.Ordinal);
    }

    private TestCertificate Client(TestCertificate issuer, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Pki.IssueLeaf(issuer, [], subject: "CN=client", extendedKeyUsages: [TestPki.ClientAuth], notBefore: notBefore, notAfter: notAfter);

    private static ClientCertificatePolicy Policy(TestCertificate anchor, params X509Crl[] crls) =>
        ClientCertificatePolicy.Create("ca-clients", [X509CertificateLoader.LoadCertificate(anchor.Certificate.RawData)], crls);
}
