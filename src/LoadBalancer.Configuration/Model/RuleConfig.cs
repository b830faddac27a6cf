namespace LoadBalancer.Configuration.Model;

/// <summary>An ALB forwarding rule (CreateRule shape), tried by ascending <see cref="Priority"/>.</summary>
public sealed record RuleConfig
{
    public string? RuleId { get; init; }
    public string? RuleName { get; init; }
    public int Priority { get; init; }
    public List<RuleConditionConfig> RuleConditions { get; init; } = [];
    public List<ActionConfig> RuleActions { get; init; } = [];
}
