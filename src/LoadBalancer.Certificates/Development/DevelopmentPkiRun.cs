using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Development;

/// <summary>One <c>certs init</c>: keeps the files that exist, makes those missing, and remembers what it wrote.</summary>
internal sealed class DevelopmentPkiRun(string directory, TextWriter log)
{
    private readonly List<string> _written = [];

    public IReadOnlyList<string> Written => _written;

    /// <summary>An issuer with its key: loaded from its files when both exist, made (and written) when neither does.</summary>
    public X509Certificate2 Issuer(string name, Func<X509Certificate2> create)
    {
        var (certificatePath, keyPath) = Paths(name);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            log.WriteLine($"kept {certificatePath} and {keyPath}");
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        RequireNeither(name);
        var certificate = create();
        Write(name, certificate, chain: null, KeyForm.Pkcs8);
        return certificate;
    }

    /// <summary>A certificate nothing else is signed with: made only when its files are missing.</summary>
    public void Leaf(string name, Func<X509Certificate2> create, X509Certificate2? chain, KeyForm keyForm)
    {
        var (certificatePath, keyPath) = Paths(name);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            log.WriteLine($"kept {certificatePath} and {keyPath}");
            return;
        }

        RequireNeither(name);
        using var certificate = create();
        Write(name, certificate, chain, keyForm);
    }

    /// <summary>Whether every one of the files exists; throws when only some do (a set is made whole or not at all).</summary>
    public bool AllExist(params string[] fileNames)
    {
        var paths = fileNames.Select(f => Path.Combine(directory, f)).ToList();
        var present = paths.Where(File.Exists).ToList();
        if (present.Count == paths.Count)
        {
            log.WriteLine($"kept {string.Join(", ", present)}");
            return true;
        }

        if (present.Count > 0)
        {
            throw new InvalidOperationException($"'{present[0]}' exists without the rest of its set ({string.Join(", ", fileNames)}); delete it to have them made again, or restore the missing files");
        }

        return false;
    }

    /// <summary>Writes a new PEM file (keys readable by the owner only).</summary>
    public void Pem(string fileName, string text, bool secret)
    {
        var path = Path.Combine(directory, fileName);
        PemFileWriter.WriteNew(path, text, secret);
        Report(path);
    }

    public string PathOf(string fileName) => Path.Combine(directory, fileName);

    public void Text(string fileName, string text)
    {
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
        {
            log.WriteLine($"kept {path}");
            return;
        }

        PemFileWriter.WriteNew(path, text, secret: false);
        Report(path);
    }

    private void Write(string name, X509Certificate2 certificate, X509Certificate2? chain, KeyForm keyForm)
    {
        var (certificatePath, keyPath) = Paths(name);
        var pem = certificate.ExportCertificatePem() + "\n" + (chain is null ? "" : chain.ExportCertificatePem() + "\n");
        PemFileWriter.WriteNew(keyPath, ExportKey(certificate, keyForm), secret: true);
        Report(keyPath);
        PemFileWriter.WriteNew(certificatePath, pem, secret: false);
        Report(certificatePath);
    }

    private static string ExportKey(X509Certificate2 certificate, KeyForm keyForm)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException($"{certificate.Subject} has no private key");
        return (keyForm, key) switch
        {
            (KeyForm.Traditional, RSA rsa) => rsa.ExportRSAPrivateKeyPem(),
            (KeyForm.Traditional, ECDsa ecdsa) => ecdsa.ExportECPrivateKeyPem(),
            _ => key.ExportPkcs8PrivateKeyPem(),
        } + "\n";
    }

    /// <summary>A certificate without its key (or the reverse) cannot be completed without breaking the pair.</summary>
    private void RequireNeither(string name)
    {
        var (certificatePath, keyPath) = Paths(name);
        var present = File.Exists(certificatePath) ? certificatePath : File.Exists(keyPath) ? keyPath : null;
        if (present is not null)
        {
            throw new InvalidOperationException($"'{present}' exists without its pair; delete it to have both made again, or restore the missing file");
        }
    }

    private void Report(string path)
    {
        _written.Add(path);
        log.WriteLine($"wrote {path}");
    }

    private (string Certificate, string Key) Paths(string name) =>
        (Path.Combine(directory, name + ".crt"), Path.Combine(directory, name + ".key"));
}
