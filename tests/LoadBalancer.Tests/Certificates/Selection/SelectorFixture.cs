using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates.Selection;

/// <summary>In-memory certificates for selector tests: an RSA issuer (so MD5-signed leaves can be made too).</summary>
public sealed class SelectorFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SelectorFixture()
    {
        Pki = new TestPki(_directory.Path);
        var root = Pki.CreateRoot("Selector Root", LeafKey.Rsa(2048));
        Issuer = Pki.CreateIntermediate(root, "Selector Intermediate", LeafKey.Rsa(2048));
        Rsa2048 = LeafKey.Rsa(2048);
    }

    internal TestPki Pki { get; }

    internal TestCertificate Issuer { get; }

    private LeafKey Rsa2048 { get; }

    internal ServerCertificate Make(string id, string[] names, LeafKey? key = null, bool md5 = false, DateTimeOffset? notAfter = null)
    {
        var leaf = Pki.IssueLeaf(Issuer, names, key ?? LeafKey.EcP256, notAfter: notAfter ?? DateTimeOffset.UtcNow.AddDays(365), md5: md5, subject: $"CN={id}");
        return new ServerCertificate(id, 0, leaf.Certificate, []);
    }

    public void Dispose() => _directory.Dispose();
}
