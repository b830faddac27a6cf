using Microsoft.AspNetCore.Http;

namespace LoadBalancer.Forwarding;

/// <summary>One compiled ALB rule: every condition must hold (values of one condition are alternatives).</summary>
internal sealed class RouteRule(string id, int priority, WildcardPattern[] hosts, WildcardPattern[] paths, ForwardTarget target)
{
    public string Id { get; } = id;

    public int Priority { get; } = priority;

    public ForwardTarget Target { get; } = target;

    public bool Matches(HttpRequest request) =>
        (hosts.Length == 0 || AnyMatch(hosts, request.Host.Host)) && (paths.Length == 0 || AnyMatch(paths, request.Path.Value ?? "/"));

    private static bool AnyMatch(WildcardPattern[] patterns, string value)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
