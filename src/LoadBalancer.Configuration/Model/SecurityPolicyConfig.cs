namespace LoadBalancer.Configuration.Model;

public sealed record SecurityPolicyConfig
{
    public string? SecurityPolicyId { get; init; }
    public List<string> TLSVersions { get; init; } = [];
    public List<string> Ciphers { get; init; } = [];
}
