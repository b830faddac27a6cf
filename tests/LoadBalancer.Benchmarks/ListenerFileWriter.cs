using System.Text.Json;
using System.Text.Json.Serialization;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// Writes the benchmark's listener file: one ALB instance on 127.0.0.1, one HTTPS listener whose default
/// certificate is the first leaf and whose AdditionalCertificates are all the others, forwarding to a demo backend.
/// </summary>
internal static class ListenerFileWriter
{
    public const string ListenerId = "lsn-bench";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Write(string directory, IReadOnlyList<(string Certificate, string Key)> leaves, int listenerPort, int backendPort, string? clientCaFile = null)
    {
        var path = Path.Combine(directory, "loadbalancer.json");
        var config = Config(directory, leaves, listenerPort, backendPort);
        if (clientCaFile is not null)
        {
            config = WithMutualTls(config, Path.GetRelativePath(directory, clientCaFile));
        }

        File.WriteAllText(path, JsonSerializer.Serialize(config, Json));
        return path;
    }

    private static LoadBalancerConfig Config(string directory, IReadOnlyList<(string Certificate, string Key)> leaves, int listenerPort, int backendPort) => new()
    {
        Certificates = [.. leaves.Select((leaf, i) => new CertificateConfig
        {
            CertificateId = CertificateId(i),
            CertificateFile = Path.GetRelativePath(directory, leaf.Certificate),
            PrivateKeyFile = Path.GetRelativePath(directory, leaf.Key),
        })],
        // The product allows 25 additional certificates per instance; Quotas raises it as Quota Center would.
        Quotas = new QuotasConfig { AdditionalCertificatesPerLoadBalancer = Math.Max(25, leaves.Count) },
        DemoBackends = [new DemoBackendConfig { DemoBackendId = "echo", Address = "127.0.0.1", Port = backendPort }],
        ServerGroups = [new ServerGroupConfig { ServerGroupId = "sg-echo", Servers = [new ServerConfig { ServerIp = "127.0.0.1", Port = backendPort }] }],
        LoadBalancers = [new LoadBalancerInstanceConfig
        {
            LoadBalancerId = "alb-bench",
            LoadBalancerType = "ALB",
            LoadBalancerEdition = "Standard",
            Address = "127.0.0.1",
            Listeners = [Listener(leaves.Count, listenerPort)],
        }],
    };

    private static ListenerConfig Listener(int certificates, int port) => new()
    {
        ListenerId = ListenerId,
        ListenerProtocol = "HTTPS",
        ListenerPort = port,
        SecurityPolicyId = "tls_cipher_policy_1_2_strict_with_1_3", // the clients measure TLS 1.3 handshakes
        Certificates = [new CertificateReference { CertificateId = CertificateId(0) }],
        AdditionalCertificates = [.. Enumerable.Range(1, certificates - 1).Select(i => new CertificateReference { CertificateId = CertificateId(i) })],
        DefaultActions = [new ActionConfig { Type = "ForwardGroup", ForwardGroupConfig = new ForwardGroupConfig { ServerGroupTuples = [new ServerGroupTuple { ServerGroupId = "sg-echo" }] } }],
    };

    private static string CertificateId(int index) => $"cert-{index}";

    private static LoadBalancerConfig WithMutualTls(LoadBalancerConfig config, string caFile) => config with
    {
        CaCertificates = [new CaCertificateConfig { CertificateId = "ca-bench-clients", CertificateFile = caFile }],
        LoadBalancers = [.. config.LoadBalancers.Select(instance => instance with
        {
            Listeners = [.. instance.Listeners.Select(l => l with { CaEnabled = true, CaCertificates = [new CertificateReference { CertificateId = "ca-bench-clients" }] })],
        })],
    };
}
