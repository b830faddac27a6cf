using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>The file under validation, lookups by id, every listener with its instance, and the errors found so far.</summary>
internal sealed class ValidationContext
{
    private readonly List<ConfigError> _errors = [];

    public ValidationContext(LoadBalancerConfig config)
    {
        Config = config;
        Listeners = ListenerScope.All(config);
    }

    public LoadBalancerConfig Config { get; }

    public IReadOnlyList<ListenerScope> Listeners { get; }

    public IReadOnlyList<ConfigError> Errors => _errors;

    public void Add(string resource, string field, string message) => _errors.Add(new ConfigError(resource, field, message));

    /// <summary>Reported, but the file is still applied.</summary>
    public void AddWarning(string resource, string field, string message) => _errors.Add(new ConfigError(resource, field, message, ConfigSeverity.Warning));

    public CertificateConfig? FindCertificate(string? id) =>
        id is null ? null : Config.Certificates.Find(c => c.CertificateId == id);

    public CaCertificateConfig? FindCaCertificate(string? id) =>
        id is null ? null : Config.CaCertificates.Find(c => c.CertificateId == id);

    public ServerGroupConfig? FindServerGroup(string? id) =>
        id is null ? null : Config.ServerGroups.Find(g => g.ServerGroupId == id);
}
