namespace LoadBalancer.Configuration.Model;

public sealed record ServerGroupTuple
{
    public string? ServerGroupId { get; init; }

    /// <summary>Share of requests among the action's server groups (0-100, default 100).</summary>
    public int Weight { get; init; } = 100;
}
