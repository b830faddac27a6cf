namespace LoadBalancer.Configuration.Model;

/// <summary>A rule condition: Type <c>Host</c> with <see cref="HostConfig"/> or <c>Path</c> with <see cref="PathConfig"/>.</summary>
public sealed record RuleConditionConfig
{
    public string? Type { get; init; }
    public ValuesConfig? HostConfig { get; init; }
    public ValuesConfig? PathConfig { get; init; }
}
