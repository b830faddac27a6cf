using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>startup-profile</c> mode: where loading N certificates spends its time. Each step the loader takes is
/// repeated on its own over every file, on one thread (so the figures are CPU cost, not divided by cores), then the
/// real parallel <see cref="CertificateStore.Load"/> and selector build are timed for comparison.
/// </summary>
internal static class LoadingProfile
{
    public static int Run(int count)
    {
        var directory = Directory.CreateTempSubdirectory("lb-profile-").FullName;
        try
        {
            using var pki = new BenchmarkPki(directory);
            var leaves = pki.WriteLeaves(count);
            Console.WriteLine($"startup-profile: {count} ECDSA P-256 certificates, one thread per step unless marked parallel, {Environment.ProcessorCount} cores");
            Profile(leaves);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Profile((string Certificate, string Key)[] leaves)
    {
        var texts = Step("read files (File.ReadAllText x2)", () => leaves.Select(l => (File.ReadAllText(l.Certificate), File.ReadAllText(l.Key))).ToArray());
        var ders = Step("PEM decode (PemEncoding + base64)", () => texts.Select(t => (Der(t.Item1), Der(t.Item2))).ToArray());
        var certificates = Step("X509CertificateLoader.LoadCertificate", () => ders.Select(d => X509CertificateLoader.LoadCertificate(d.Item1)).ToArray());
        Step("CertificateFacts.Read", () => certificates.Select(CertificateFacts.Read).ToArray());
        var keys = Step("ECDsa.ImportPkcs8PrivateKey", () => ders.Select(d => ImportKey(d.Item2)).ToArray());
        var withKeys = Step("CopyWithPrivateKey", () => certificates.Select((c, i) => c.CopyWithPrivateKey(keys[i])).ToArray());
        var loaded = Step("CertificateStore.Load (parallel, the real loader)", () => CertificateStore.Load(ConfigFor(leaves), Path.GetFullPath));
        var all = loaded.Store.ById.Values.OrderBy(c => c.FileOrder).ToList();
        Step("CertificateSelector.Create", () => CertificateSelector.Create(all[0], all.Skip(1).ToList()));
        Step("SslStreamCertificateContext (parallel, made lazily at first handshake)", () => { Parallel.ForEach(all, c => _ = c.Context); return 0; });
        Dispose(certificates, keys, withKeys);
    }

    private static List<CertificateConfig> ConfigFor((string Certificate, string Key)[] leaves) =>
        [.. leaves.Select((l, i) => new CertificateConfig { CertificateId = $"cert-{i}", CertificateFile = l.Certificate, PrivateKeyFile = l.Key })];

    private static byte[] Der(string pem)
    {
        var fields = PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    private static ECDsa ImportKey(byte[] der)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(der, out _);
        return key;
    }

    private static T Step<T>(string name, Func<T> action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = action();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-72} {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,6:F2} s"));
        return result;
    }

    private static void Dispose(params IEnumerable<IDisposable>[] groups)
    {
        foreach (var item in groups.SelectMany(g => g))
        {
            item.Dispose();
        }
    }
}
