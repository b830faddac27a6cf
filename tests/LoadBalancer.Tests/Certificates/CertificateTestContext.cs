using LoadBalancer.Certificates;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

/// <summary>A temp folder with a root and an intermediate CA (ECDSA P-256), and shortcuts to load store entries.</summary>
public sealed class CertificateTestContext : IDisposable
{
    public CertificateTestContext()
    {
        Pki = new TestPki(Temp.Path);
        Root = Pki.CreateRoot("Test Root");
        Intermediate = Pki.CreateIntermediate(Root, "Test Intermediate", pathLength: 0);
    }

    public TempDirectory Temp { get; } = new();

    public TestPki Pki { get; }

    public TestCertificate Root { get; }

    public TestCertificate Intermediate { get; }

    public static CertificateConfig Entry(string id, PemPaths files) =>
        new() { CertificateId = id, CertificateFile = files.CertificateFile, PrivateKeyFile = files.PrivateKeyFile };

    /// <summary>Loads entries whose relative paths resolve against the temp folder, like ConfigFile.Resolve does.</summary>
    public CertificateStoreLoadResult Load(params CertificateConfig[] entries) =>
        CertificateStore.Load(entries, path => Path.GetFullPath(path, Temp.Path));

    public PemPaths WriteLeaf(string name, LeafKey? key = null, KeyFormat keyFormat = KeyFormat.Pkcs8, params string[] dnsNames) =>
        Pki.Write(Pki.IssueLeaf(Intermediate, dnsNames.Length == 0 ? ["www.example.com"] : dnsNames, key), name, includeChain: true, keyFormat);

    public void Dispose() => Temp.Dispose();
}
