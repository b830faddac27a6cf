namespace LoadBalancer.Configuration.Model;

public sealed record ServerConfig
{
    public string? ServerId { get; init; }
    public string? ServerIp { get; init; }
    public int Port { get; init; }

    /// <summary>0-100; 0 takes no new traffic.</summary>
    public int Weight { get; init; } = 100;

    public string? Description { get; init; }
}
