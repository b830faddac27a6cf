namespace LoadBalancer.Configuration.Model;

public sealed record ValuesConfig
{
    public List<string> Values { get; init; } = [];
}
