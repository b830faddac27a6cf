using System.Text.Json;
using System.Text.Json.Serialization;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// A folder with a test PKI (an ECDSA root and an RSA intermediate, so MD5-signed leaves can be issued too),
/// certificates made on demand, demo backends on free ports, and the listener file written from config records.
/// </summary>
internal sealed class TestScenario : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public TestScenario()
    {
        Directory = new TempDirectory();
        System.IO.Directory.CreateDirectory(Directory.Combine("certs"));
        System.IO.Directory.CreateDirectory(Directory.Combine("config"));
        Pki = new TestPki(Directory.Combine("certs"));
        Root = Pki.CreateRoot("Test Root CA");
        Intermediate = Pki.CreateIntermediate(Root, "Test Intermediate CA", LeafKey.Rsa(2048));
        RootFile = Pki.WriteCertificate(Root, "root");
    }

    public TempDirectory Directory { get; }

    public TestPki Pki { get; }

    public TestCertificate Root { get; }

    public TestCertificate Intermediate { get; }

    /// <summary>The root CA's PEM file: what a client trusts (<c>-CAfile</c>, <c>--cacert</c>).</summary>
    public string RootFile { get; }

    public List<CertificateConfig> Certificates { get; } = [];

    public List<DemoBackendConfig> DemoBackends { get; } = [];

    public string ConfigPath => Directory.Combine("config", "loadbalancer.json");

    /// <summary>
    /// Issues a leaf (subject CN = the id, names as SANs; by <paramref name="issuer"/>, the scenario's intermediate by
    /// default) and adds it to the store under that id; its file carries the issuer after the leaf unless
    /// <paramref name="includeChain"/> is false.
    /// </summary>
    public TestCertificate AddCertificate(string id, IReadOnlyList<string> names, LeafKey? key = null, bool md5 = false,
        DateTimeOffset? notAfter = null, KeyFormat keyFormat = KeyFormat.Pkcs8, bool includeChain = true, TestCertificate? issuer = null)
    {
        var leaf = Pki.IssueLeaf(issuer ?? Intermediate, names, key ?? LeafKey.EcP256, notAfter: notAfter, md5: md5, subject: $"CN={id}");
        var files = Pki.Write(leaf, id, includeChain, keyFormat);
        Certificates.RemoveAll(c => c.CertificateId == id);
        Certificates.Add(new CertificateConfig { CertificateId = id, CertificateFile = Relative(files.CertificateFile), PrivateKeyFile = Relative(files.PrivateKeyFile) });
        return leaf;
    }

    /// <summary>An echo backend started by the load balancer itself; returns its port.</summary>
    public int AddDemoBackend(string id)
    {
        var port = PortAllocator.Next();
        DemoBackends.Add(new DemoBackendConfig { DemoBackendId = id, Address = "127.0.0.1", Port = port });
        return port;
    }

    public LoadBalancerConfig Config(IEnumerable<ServerGroupConfig> groups, params ListenerConfig[] listeners) => new()
    {
        Certificates = [.. Certificates],
        ServerGroups = [.. groups],
        DemoBackends = [.. DemoBackends],
        LoadBalancers = [new LoadBalancerInstanceConfig { LoadBalancerId = "alb-test", LoadBalancerType = "ALB", LoadBalancerEdition = "Standard", Address = "127.0.0.1", Listeners = [.. listeners] }],
    };

    public string Write(LoadBalancerConfig config)
    {
        var temporary = ConfigPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(config, Json));
        File.Move(temporary, ConfigPath, overwrite: true);
        return ConfigPath;
    }

    public static ServerGroupConfig Group(string id, params (int Port, int Weight)[] servers) => new()
    {
        ServerGroupId = id,
        Protocol = "HTTP",
        Servers = [.. servers.Select(s => new ServerConfig { ServerIp = "127.0.0.1", Port = s.Port, Weight = s.Weight })],
    };

    public static List<ActionConfig> Forward(params string[] groups) =>
    [
        new ActionConfig { Type = "ForwardGroup", ForwardGroupConfig = new ForwardGroupConfig { ServerGroupTuples = [.. groups.Select(g => new ServerGroupTuple { ServerGroupId = g })] } },
    ];

    public static ListenerConfig Https(string id, int port, string defaultCertificate, IEnumerable<string> additional, string group, bool? http2 = null) => new()
    {
        ListenerId = id,
        ListenerProtocol = "HTTPS",
        ListenerPort = port,
        Certificates = [new CertificateReference { CertificateId = defaultCertificate }],
        AdditionalCertificates = [.. additional.Select(a => new CertificateReference { CertificateId = a })],
        Http2Enabled = http2,
        DefaultActions = Forward(group),
    };

    /// <summary>A QUIC listener (HTTP/3 on UDP) with the ALB field names.</summary>
    public static ListenerConfig Quic(string id, int port, string defaultCertificate, IEnumerable<string> additional, string group) => new()
    {
        ListenerId = id,
        ListenerProtocol = "QUIC",
        ListenerPort = port,
        Certificates = [new CertificateReference { CertificateId = defaultCertificate }],
        AdditionalCertificates = [.. additional.Select(a => new CertificateReference { CertificateId = a })],
        DefaultActions = Forward(group),
    };

    public static ListenerConfig Http(string id, int port, string group) => new()
    {
        ListenerId = id,
        ListenerProtocol = "HTTP",
        ListenerPort = port,
        DefaultActions = Forward(group),
    };

    public void Dispose() => Directory.Dispose();

    /// <summary>Paths in the file relative to its folder, as users write them.</summary>
    public string Relative(string path) => Path.GetRelativePath(Directory.Combine("config"), path);
}
