namespace LoadBalancer.Configuration.Model;

public sealed record QuicConfig
{
    public bool QuicUpgradeEnabled { get; init; }
    public string? QuicListenerId { get; init; }
}
