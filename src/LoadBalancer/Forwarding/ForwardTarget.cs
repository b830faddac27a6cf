namespace LoadBalancer.Forwarding;

/// <summary>A ForwardGroup action: one or more server groups sharing requests by weight.</summary>
internal sealed class ForwardTarget
{
    private readonly ServerGroupRuntime[] _groups;
    private readonly SmoothWeightedRoundRobin? _byWeight;

    public ForwardTarget(IReadOnlyList<(ServerGroupRuntime Group, int Weight)> groups)
    {
        _groups = groups.Select(g => g.Group).ToArray();
        _byWeight = _groups.Length > 1 ? new SmoothWeightedRoundRobin(groups.Select(g => g.Weight).ToArray()) : null;
    }

    public ServerGroupRuntime? PickGroup()
    {
        if (_byWeight is null)
        {
            return _groups[0];
        }

        var index = _byWeight.Next(default(AnyIndex));
        return index < 0 ? null : _groups[index];
    }
}
