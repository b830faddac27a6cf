namespace LoadBalancer.Configuration.Model;

/// <summary>An ALB action. Only <c>ForwardGroup</c> is served today.</summary>
public sealed record ActionConfig
{
    public string? Type { get; init; }
    public int? Order { get; init; }
    public ForwardGroupConfig? ForwardGroupConfig { get; init; }
}
