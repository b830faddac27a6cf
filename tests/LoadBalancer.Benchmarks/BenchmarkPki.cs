using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// One ECDSA P-256 CA and N leaves it signs, written as PEM (leaf certificate + PKCS#8 key) into a folder made at
/// run time. Leaf i is <c>site{i}.bench.test</c> (subject CN and DNS SAN). Leaves have their own ECDSA P-256 key,
/// or with <c>rsaLeaves</c> an RSA-2048 key taken in turn from a pool of 16 (making 10,000 RSA keys would take
/// minutes; every leaf is still its own certificate).
/// </summary>
internal sealed class BenchmarkPki : IDisposable
{
    private const int RsaKeyPool = 16;
    private readonly X509Certificate2 _ca;
    private readonly (PublicKey PublicKey, string Pem)[]? _rsaKeys;

    public BenchmarkPki(string directory, bool rsaLeaves = false)
    {
        Directory = directory;
        _ca = CreateCa();
        _rsaKeys = rsaLeaves ? [.. Enumerable.Range(0, RsaKeyPool).AsParallel().Select(_ => CreateRsaKey())] : null;
    }

    public string Directory { get; }

    public static string NameOf(int index) => $"site{index}.bench.test";

    /// <summary>Writes the leaves in parallel; returns (certificate file, key file) per leaf, in order.</summary>
    public (string Certificate, string Key)[] WriteLeaves(int count)
    {
        var files = new (string, string)[count];
        Parallel.For(0, count, i => files[i] = WriteLeaf(i));
        return files;
    }

    public void Dispose() => _ca.Dispose();

    /// <summary>The CA certificate (public part) as a PEM file: the trust anchor of a mutual-TLS listener.</summary>
    public string WriteCaCertificate()
    {
        var path = Path.Combine(Directory, "ca.crt");
        File.WriteAllText(path, _ca.ExportCertificatePem());
        return path;
    }

    /// <summary>A client certificate (clientAuth) signed by the CA, with its key, for the benchmark's clients.</summary>
    public X509Certificate2 CreateClient()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench-client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(_ca, now.AddHours(-1), now.AddDays(30), [0x7f, 0x01, 0x02, 0x03]);
        return certificate.CopyWithPrivateKey(key);
    }

    private (string, string) WriteLeaf(int index)
    {
        using var ecdsa = _rsaKeys is null ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var name = new X500DistinguishedName($"CN={NameOf(index)}");
        var (request, keyPem) = ecdsa is not null
            ? (new CertificateRequest(name, ecdsa, HashAlgorithmName.SHA256), ecdsa.ExportPkcs8PrivateKeyPem())
            : (new CertificateRequest(name, _rsaKeys![index % RsaKeyPool].PublicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), _rsaKeys[index % RsaKeyPool].Pem);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(NameOf(index));
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        var serial = BitConverter.GetBytes(index + 1L);
        using var leaf = _rsaKeys is null ? request.Create(_ca, now.AddHours(-1), now.AddDays(90), serial) : SignWithCa(request, now, serial);
        var certificateFile = Path.Combine(Directory, $"leaf{index}.crt");
        var keyFile = Path.Combine(Directory, $"leaf{index}.key");
        File.WriteAllText(certificateFile, leaf.ExportCertificatePem());
        File.WriteAllText(keyFile, keyPem);
        return (certificateFile, keyFile);
    }

    /// <summary>An RSA leaf signed by the ECDSA CA: the key types differ, so the CA's key signs explicitly.</summary>
    private X509Certificate2 SignWithCa(CertificateRequest request, DateTimeOffset now, byte[] serial)
    {
        using var caKey = _ca.GetECDsaPrivateKey()!;
        return request.Create(_ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.AddDays(90), serial);
    }

    private static (PublicKey, string) CreateRsaKey()
    {
        using var rsa = RSA.Create(2048);
        return (new PublicKey(rsa), rsa.ExportPkcs8PrivateKeyPem());
    }

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Benchmark CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }
}
