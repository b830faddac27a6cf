using LoadBalancer.Certificates.Selection;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;
using LoadBalancer.Listeners;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// Loads a listener file the way <see cref="SnapshotBuilder.Load"/> does, except for the product's quota of 25
/// additional certificates per instance, which has no switch. The file is read and validated with the listener's
/// AdditionalCertificates cut to the quota (every entry of Certificates is still loaded), then the listener gets a
/// selector over all of them, built by the same <see cref="CertificateSelector.Create"/>.
/// </summary>
internal static class QuotaFreeSnapshotLoader
{
    private const int AdditionalCertificateQuota = 25;

    public static RuntimeSnapshot Load(string path, StartupTimings timings)
    {
        var file = timings.Time("read listener file", () => ConfigReader.Read(path).File ?? throw new InvalidOperationException($"{path} does not parse"));
        var built = timings.Time("validate + load certificates", () => SnapshotBuilder.Build(WithinQuota(file), version: 1));
        if (built.Snapshot is null)
        {
            throw new InvalidOperationException("benchmark listener file refused: " + string.Join("; ", built.Errors));
        }

        return timings.Time("build selector", () => WithAllCertificates(built.Snapshot, file));
    }

    private static ConfigFile WithinQuota(ConfigFile file) => file with
    {
        Config = file.Config with
        {
            LoadBalancers = [.. file.Config.LoadBalancers.Select(instance => instance with
            {
                Listeners = [.. instance.Listeners.Select(l => l with { AdditionalCertificates = l.AdditionalCertificates?.Take(AdditionalCertificateQuota).ToList() })],
            })],
        },
    };

    private static RuntimeSnapshot WithAllCertificates(RuntimeSnapshot snapshot, ConfigFile file)
    {
        var configs = file.Config.LoadBalancers.SelectMany(i => i.Listeners).ToDictionary(l => l.ListenerId!, StringComparer.Ordinal);
        var listeners = snapshot.Listeners.ToDictionary(p => p.Key, p => WithAllCertificates(p.Value, configs[p.Key], snapshot), StringComparer.Ordinal);
        return new RuntimeSnapshot
        {
            Version = snapshot.Version,
            File = file,
            Certificates = snapshot.Certificates,
            Listeners = listeners,
            ListenersByEndpoint = listeners.Values.ToDictionary(l => l.Endpoint),
            ServerGroups = snapshot.ServerGroups,
            Warnings = snapshot.Warnings,
            SourceFiles = snapshot.SourceFiles,
        };
    }

    private static ListenerRuntime WithAllCertificates(ListenerRuntime listener, ListenerConfig config, RuntimeSnapshot snapshot)
    {
        if (listener.Selector is null)
        {
            return listener;
        }

        var byId = snapshot.Certificates.ById;
        var additional = (config.AdditionalCertificates ?? []).Select(c => byId[c.CertificateId!]).ToList();
        return new ListenerRuntime
        {
            Id = listener.Id,
            LoadBalancerId = listener.LoadBalancerId,
            Kind = listener.Kind,
            Endpoint = listener.Endpoint,
            Config = config,
            Http2Enabled = listener.Http2Enabled,
            Selector = CertificateSelector.Create(listener.Selector.Default, additional),
            Router = listener.Router,
            Transformer = listener.Transformer,
            RequestConfig = listener.RequestConfig,
        };
    }
}
