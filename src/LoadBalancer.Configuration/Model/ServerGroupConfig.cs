namespace LoadBalancer.Configuration.Model;

public sealed record ServerGroupConfig
{
    public string? ServerGroupId { get; init; }
    public string? ServerGroupName { get; init; }

    /// <summary>HTTP, HTTPS or TCP.</summary>
    public string Protocol { get; init; } = "HTTP";

    /// <summary>Wrr (weighted round robin, default), Wlc (weighted least connections) or Sch (source IP hash).</summary>
    public string Scheduler { get; init; } = "Wrr";

    public List<ServerConfig> Servers { get; init; } = [];
}
