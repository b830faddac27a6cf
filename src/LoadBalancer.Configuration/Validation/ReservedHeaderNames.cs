namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// Request headers an alias may not take: ALB's other forwarding headers (which the load balancer sets and strips),
/// the headers that frame or route the request itself, and the content headers (.NET keeps them apart from request headers).
/// </summary>
internal static class ReservedHeaderNames
{
    public static readonly HashSet<string> All = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "slb-id", "x-forwarded-client-srcport",
        "host", "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "expect",
        "allow", "content-disposition", "content-encoding", "content-language", "content-length", "content-location",
        "content-md5", "content-range", "content-type", "expires", "last-modified",
    };
}
