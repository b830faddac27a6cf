using System.Security.Cryptography;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

public sealed class CertificateStoreErrorTests : IDisposable
{
    private const string CertificateField = "CertificateFile";
    private const string KeyField = "PrivateKeyFile";
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void ReportsMissingCertificateFileWithItsAbsolutePath()
    {
        var files = _context.WriteLeaf("www");
        var entry = new CertificateConfig { CertificateId = "cert-www", CertificateFile = "missing.crt", PrivateKeyFile = files.PrivateKeyFile };

        var error = LoadSingleError(entry, CertificateField);

        AssertMentions(error, _context.Temp.Combine("missing.crt"), "was not found");
    }

    [Fact]
    public void ReportsMissingKeyFile()
    {
        var files = _context.WriteLeaf("www");
        var entry = new CertificateConfig { CertificateId = "cert-www", CertificateFile = files.CertificateFile, PrivateKeyFile = "keys/none.key" };

        var error = LoadSingleError(entry, KeyField);

        AssertMentions(error, _context.Temp.Combine("keys", "none.key"), "was not found");
    }

    [Fact]
    public void ReportsUnreadableCertificateFile()
    {
        var files = _context.WriteLeaf("www");
        Directory.CreateDirectory(_context.Temp.Combine("a-folder.crt"));
        var entry = CertificateTestContext.Entry("cert-www", files with { CertificateFile = _context.Temp.Combine("a-folder.crt") });

        var error = LoadSingleError(entry, CertificateField);

        AssertMentions(error, _context.Temp.Combine("a-folder.crt"), "could not be read");
    }

    [Fact]
    public void ReportsCertificateFileWithoutCertificateBlock()
    {
        var files = _context.WriteLeaf("www");
        var entry = CertificateTestContext.Entry("cert-www", files with { CertificateFile = files.PrivateKeyFile });

        var error = LoadSingleError(entry, CertificateField);

        AssertMentions(error, files.PrivateKeyFile, "no '-----BEGIN CERTIFICATE-----' block");
    }

    [Fact]
    public void ReportsCertificateBlockWithDamagedBase64()
    {
        var files = _context.WriteLeaf("www");
        var pem = File.ReadAllText(files.CertificateFile);
        File.WriteAllText(files.CertificateFile, pem.Insert(pem.IndexOf('\n', StringComparison.Ordinal) + 5, "!!"));

        var error = LoadSingleError(CertificateTestContext.Entry("cert-www", files), CertificateField);

        AssertMentions(error, files.CertificateFile, "does not decode");
    }

    [Fact]
    public void ReportsCertificateBlockThatIsNotDer()
    {
        var files = _context.WriteLeaf("www");
        File.WriteAllText(files.CertificateFile, PemEncoding.WriteString("CERTIFICATE", [1, 2, 3, 4, 5, 6]));

        var error = LoadSingleError(CertificateTestContext.Entry("cert-www", files), CertificateField);

        AssertMentions(error, files.CertificateFile, "does not decode as an X.509 certificate");
    }

    [Fact]
    public void ReportsKeyFileWithoutKeyBlock()
    {
        var files = _context.WriteLeaf("www");
        var entry = CertificateTestContext.Entry("cert-www", files with { PrivateKeyFile = files.CertificateFile });

        var error = LoadSingleError(entry, KeyField);

        AssertMentions(error, files.CertificateFile, "has no private key block");
    }

    [Fact]
    public void ReportsEncryptedKeyAndHowToDecryptIt()
    {
        var files = _context.WriteLeaf("www", keyFormat: KeyFormat.EncryptedPkcs8);

        var error = LoadSingleError(CertificateTestContext.Entry("cert-www", files), KeyField);

        AssertMentions(error, files.PrivateKeyFile, "encrypted private key");
        Assert.Contains("openssl pkey -in " + files.PrivateKeyFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsKeyOfAnotherAlgorithmThanTheCertificate()
    {
        var rsa = _context.WriteLeaf("www-rsa", LeafKey.Rsa(2048));
        var ecc = _context.WriteLeaf("www-ecc");
        var entry = CertificateTestContext.Entry("cert-www", rsa with { PrivateKeyFile = ecc.PrivateKeyFile });

        var error = LoadSingleError(entry, KeyField);

        AssertMentions(error, ecc.PrivateKeyFile, "is an ECC key but the certificate");
        Assert.Contains("RSA public key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyFormat.Pkcs8)]
    [InlineData(KeyFormat.Traditional)]
    public void ReportsKeyThatDoesNotBelongToTheCertificate(KeyFormat format)
    {
        var one = _context.WriteLeaf("one", keyFormat: format);
        var other = _context.WriteLeaf("other", keyFormat: format);
        var entry = CertificateTestContext.Entry("cert-one", one with { PrivateKeyFile = other.PrivateKeyFile });

        var error = LoadSingleError(entry, KeyField);

        AssertMentions(error, other.PrivateKeyFile, "the private key does not belong to the certificate (public keys differ)");
    }

    [Fact]
    public void ReportsRsaKeyThatDoesNotBelongToTheCertificate()
    {
        var one = _context.WriteLeaf("one", LeafKey.Rsa(2048), KeyFormat.Traditional);
        var other = _context.WriteLeaf("other", LeafKey.Rsa(2048));
        var entry = CertificateTestContext.Entry("cert-one", one with { PrivateKeyFile = other.PrivateKeyFile });

        var error = LoadSingleError(entry, KeyField);

        AssertMentions(error, other.PrivateKeyFile, "public keys differ");
    }

    [Fact]
    public void ReportsLeafWithoutAnyDnsNameAsAnError()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, [], subject: "O=No Name Inc");
        var files = _context.Pki.Write(leaf, "nameless");

        var result = _context.Load(CertificateTestContext.Entry("nameless", files));

        var error = Assert.Single(result.Errors);
        Assert.True(error.IsError);
        AssertMentions(error, files.CertificateFile, "has no DNS name");
        Assert.Empty(result.Store.ById);
    }

    [Fact]
    public void ReportsUnsupportedCurve()
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, ["k1.example.com"], LeafKey.Ec(ECCurve.CreateFromFriendlyName("secp256k1")));
        var files = _context.Pki.Write(leaf, "k1");

        var error = LoadSingleError(CertificateTestContext.Entry("k1", files), CertificateField);

        AssertMentions(error, files.CertificateFile, "which is not supported");
    }

    [Fact]
    public void ReportsUnsupportedKeyAlgorithm()
    {
        var (exit, output) = OpenSsl.Run(_context.Temp.Path, "req", "-x509", "-newkey", "ed25519", "-nodes",
            "-keyout", "ed.key", "-out", "ed.crt", "-subj", "/CN=ed.example.com", "-days", "2");
        Assert.True(exit == 0, output);
        var entry = new CertificateConfig { CertificateId = "cert-ed", CertificateFile = "ed.crt", PrivateKeyFile = "ed.key" };

        var error = LoadSingleError(entry, CertificateField);

        AssertMentions(error, _context.Temp.Combine("ed.crt"), "has a public key of an unsupported algorithm (Ed25519)");
    }

    [Fact]
    public void ReportsMissingIdAndFields()
    {
        var result = _context.Load(new CertificateConfig { CertificateFile = "" });

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("Certificates[0]", e.Resource));
        Assert.Equal(["CertificateId", CertificateField, KeyField], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void ReportsDuplicateIdsAndKeepsTheFirst()
    {
        var first = _context.WriteLeaf("first");
        var second = _context.WriteLeaf("second");

        var result = _context.Load(CertificateTestContext.Entry("same", first), CertificateTestContext.Entry("same", second));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Certificate 'same'", error.Resource);
        Assert.Equal("CertificateId", error.Field);
        Assert.Equal(0, result.Store.ById["same"].FileOrder);
    }

    [Fact]
    public void CollectsEveryErrorOfEveryEntry()
    {
        var good = _context.WriteLeaf("good");
        var other = _context.WriteLeaf("other");
        var entries = new[]
        {
            new CertificateConfig { CertificateId = "both-missing", CertificateFile = "a.crt", PrivateKeyFile = "a.key" },
            CertificateTestContext.Entry("good", good),
            CertificateTestContext.Entry("mismatch", good with { PrivateKeyFile = other.PrivateKeyFile }),
            CertificateTestContext.Entry("no-key-block", good with { PrivateKeyFile = good.CertificateFile }),
        };

        var result = _context.Load(entries);

        Assert.Equal(
            [("Certificate 'both-missing'", CertificateField), ("Certificate 'both-missing'", KeyField),
             ("Certificate 'mismatch'", KeyField), ("Certificate 'no-key-block'", KeyField)],
            result.Errors.Select(e => (e.Resource, e.Field)));
        Assert.All(result.Errors, e => Assert.True(e.IsError));
        Assert.Equal(["good"], result.Store.ById.Keys);
    }

    private ConfigError LoadSingleError(CertificateConfig entry, string field)
    {
        var result = _context.Load(entry);
        var error = Assert.Single(result.Errors);
        Assert.True(error.IsError, error.ToString());
        Assert.Equal($"Certificate '{entry.CertificateId}'", error.Resource);
        Assert.Equal(field, error.Field);
        Assert.Empty(result.Store.ById);
        return error;
    }

    private static void AssertMentions(ConfigError error, string path, string what)
    {
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }
}
