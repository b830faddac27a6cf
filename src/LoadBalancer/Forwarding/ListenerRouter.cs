using Microsoft.AspNetCore.Http;

namespace LoadBalancer.Forwarding;

/// <summary>A listener's rules by ascending priority, then its default action.</summary>
internal sealed class ListenerRouter(RouteRule[] rules, ForwardTarget defaultTarget)
{
    public (ForwardTarget Target, string RuleId) Route(HttpRequest request)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(request))
            {
                return (rule.Target, rule.Id);
            }
        }

        return (defaultTarget, "default");
    }
}
