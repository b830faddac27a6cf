namespace LoadBalancer.Configuration.Model;

public sealed record ForwardGroupConfig
{
    public List<ServerGroupTuple> ServerGroupTuples { get; init; } = [];
}
