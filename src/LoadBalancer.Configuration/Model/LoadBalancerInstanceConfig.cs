namespace LoadBalancer.Configuration.Model;

public sealed record LoadBalancerInstanceConfig
{
    public string? LoadBalancerId { get; init; }
    public string? LoadBalancerName { get; init; }

    /// <summary>ALB or NLB.</summary>
    public string? LoadBalancerType { get; init; }

    /// <summary>ALB only: Basic, Standard or StandardWithWaf.</summary>
    public string? LoadBalancerEdition { get; init; }

    /// <summary>The local address every listener of this instance binds.</summary>
    public string Address { get; init; } = "0.0.0.0";

    public List<ListenerConfig> Listeners { get; init; } = [];
}
