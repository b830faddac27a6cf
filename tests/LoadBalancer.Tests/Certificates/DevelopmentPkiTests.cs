using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates;
using LoadBalancer.Certificates.Development;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

public sealed class DevelopmentPkiTests : IDisposable
{
    private static readonly string[] AllFiles =
    [
        "ca.crt", "ca.key", "intermediate.crt", "intermediate.key", "www-rsa.crt", "www-rsa.key",
        "www-ecc.crt", "www-ecc.key", "client-ca.crt", "client-ca.key", "client.crt", "client.key", "README.txt",
        "sm2-ca.crt", "sm2-ca.key", "www-sm2-sign.crt", "www-sm2-sign.key", "www-sm2-enc.crt", "www-sm2-enc.key",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WritesEveryFileAndReportsEachOnTheLog()
    {
        using var log = new StringWriter();

        var written = DevelopmentPki.Create(_temp.Combine("certs"), log);

        Assert.Equal(AllFiles.Order(StringComparer.Ordinal), written.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(written, path => Assert.Contains(path, log.ToString(), StringComparison.Ordinal));
        Assert.Contains("--cacert", File.ReadAllText(_temp.Combine("certs", "README.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSslVerifiesTheServerChainsAndTheClientCertificate()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);

        foreach (var leaf in new[] { "www-ecc.crt", "www-rsa.crt" })
        {
            var (exit, output) = OpenSsl.Run(_temp.Path, "verify", "-CAfile", "ca.crt", "-untrusted", "intermediate.crt", "-purpose", "sslserver", leaf);
            Assert.True(exit == 0, output);
        }

        var (clientExit, clientOutput) = OpenSsl.Run(_temp.Path, "verify", "-CAfile", "client-ca.crt", "-purpose", "sslclient", "client.crt");
        Assert.True(clientExit == 0, clientOutput);
    }

    [Fact]
    public void ServerCertificatesLoadIntoTheStoreWithTheirNamesAndIntermediate()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);
        var entries = new[] { "www-rsa", "www-ecc" }
            .Select(n => new CertificateConfig { CertificateId = n, CertificateFile = n + ".crt", PrivateKeyFile = n + ".key" })
            .ToList();

        var result = CertificateStore.Load(entries, p => Path.GetFullPath(p, _temp.Path));

        Assert.Empty(result.Errors);
        var rsa = result.Store.ById["www-rsa"];
        Assert.Equal(CertificateKeyAlgorithm.Rsa, rsa.Facts.Algorithm);
        Assert.Equal(["localhost", "www.example.com", "api.example.com", "demo.example.com"], rsa.Facts.DnsNames);
        Assert.Equal($"CN={DevelopmentPki.IntermediateName}", Assert.Single(result.Store.ById["www-ecc"].Intermediates).Subject);
        Assert.StartsWith(PemLabel.Begin("RSA PRIVATE KEY"), File.ReadAllText(_temp.Combine("www-rsa.key")), StringComparison.Ordinal);
        Assert.StartsWith(PemLabel.Begin("PRIVATE KEY"), File.ReadAllText(_temp.Combine("www-ecc.key")), StringComparison.Ordinal);
    }

    [Fact]
    public void CertificatesHaveTheRequiredShape()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);
        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(_temp.Combine("ca.crt")));
        using var intermediate = X509Certificate2.CreateFromPem(File.ReadAllText(_temp.Combine("intermediate.crt")));
        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(_temp.Combine("www-ecc.crt")));

        Assert.Equal($"CN={DevelopmentPki.RootName}", root.Subject);
        Assert.Equal(384, root.GetECDsaPublicKey()!.KeySize);
        var constraints = intermediate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints is { CertificateAuthority: true, HasPathLengthConstraint: true, PathLengthConstraint: 0 });
        Assert.Equal(16, leaf.SerialNumberBytes.Length);
        Assert.InRange((leaf.NotAfter - leaf.NotBefore).TotalDays, 824, 826);
        Assert.Contains(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            o => o.Value == "1.3.6.1.5.5.7.3.1");
    }

    [Fact]
    public void KeyFilesAreReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        DevelopmentPki.Create(_temp.Path, TextWriter.Null);

        foreach (var key in Directory.GetFiles(_temp.Path, "*.key"))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void KeepsExistingFilesAndSignsMissingLeavesWithTheExistingCa()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);
        var before = AllFiles.ToDictionary(f => f, f => File.ReadAllText(_temp.Combine(f)));
        File.Delete(_temp.Combine("www-ecc.crt"));
        File.Delete(_temp.Combine("www-ecc.key"));

        var written = DevelopmentPki.Create(_temp.Path, TextWriter.Null);

        Assert.Equal(["www-ecc.key", "www-ecc.crt"], written.Select(Path.GetFileName));
        Assert.All(AllFiles.Where(f => !f.StartsWith("www-ecc", StringComparison.Ordinal)),
            f => Assert.Equal(before[f], File.ReadAllText(_temp.Combine(f))));
        Assert.NotEqual(before["www-ecc.crt"], File.ReadAllText(_temp.Combine("www-ecc.crt")));
        var (exit, output) = OpenSsl.Run(_temp.Path, "verify", "-CAfile", "ca.crt", "-untrusted", "intermediate.crt", "www-ecc.crt");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void Sm2PairLoadsAsADualCertificateSignedByTheSm2CaWithTheStandardId()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);
        CertificateConfig[] entries =
        [
            new() { CertificateId = "www-sm2", SignCertificateFile = "www-sm2-sign.crt", SignPrivateKeyFile = "www-sm2-sign.key", EncryptCertificateFile = "www-sm2-enc.crt", EncryptPrivateKeyFile = "www-sm2-enc.key" },
        ];

        var (store, errors) = LoadBalancer.Certificates.Sm2.Sm2CertificateStore.Load(entries, f => _temp.Combine(f));

        Assert.Empty(errors);
        var credentials = store.ById["www-sm2"].Credentials;
        Assert.Equal(["localhost", "www.example.com", "api.example.com", "demo.example.com"], credentials.DnsNames);
        var ca = Assert.Single(credentials.Chain);
        Assert.True(LoadBalancer.Tlcp.Certificates.Sm2CertificateChecks.IsSignedBy(credentials.SignCertificate, ca));
        Assert.True(LoadBalancer.Tlcp.Certificates.Sm2CertificateChecks.IsSignedBy(credentials.EncryptionCertificate, ca));
        var (exit, output) = OpenSsl.Run(_temp.Path, "verify", "-CAfile", "sm2-ca.crt", "-vfyopt", "distid:1234567812345678", "www-sm2-sign.crt");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void Sm2EntryWithAKeyOfAnotherCertificateIsRefusedNamingTheField()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);
        CertificateConfig[] entries =
        [
            new() { CertificateId = "www-sm2", SignCertificateFile = "www-sm2-sign.crt", SignPrivateKeyFile = "www-sm2-enc.key", EncryptCertificateFile = "www-sm2-enc.crt", EncryptPrivateKeyFile = "www-sm2-enc.key" },
        ];

        var (store, errors) = LoadBalancer.Certificates.Sm2.Sm2CertificateStore.Load(entries, f => _temp.Combine(f));

        Assert.Empty(store.ById);
        var error = Assert.Single(errors);
        Assert.Equal(("Certificate 'www-sm2'", "SignPrivateKeyFile"), (error.Resource, error.Field));
        Assert.Contains("the signing key does not match the signing certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondRunWritesNothing()
    {
        DevelopmentPki.Create(_temp.Path, TextWriter.Null);

        Assert.Empty(DevelopmentPki.Create(_temp.Path, TextWriter.Null));
    }
}
