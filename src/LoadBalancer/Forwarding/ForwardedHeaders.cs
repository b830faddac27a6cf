namespace LoadBalancer.Forwarding;

/// <summary>ALB's forwarding headers, by the names ALB gives them.</summary>
internal static class ForwardedHeaders
{
    public const string For = "X-Forwarded-For";
    public const string Proto = "X-Forwarded-Proto";
    public const string Port = "X-Forwarded-Port";
    public const string SlbId = "SLB-ID";
    public const string ClientSrcPort = "X-Forwarded-Client-srcport";

    /// <summary>Headers a client may not set for the backend: ours replace them (X-Forwarded-For is appended to).</summary>
    public static readonly string[] Managed = [For, Proto, Port, SlbId, ClientSrcPort];
}
