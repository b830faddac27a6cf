using LoadBalancer.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Forwarding;

internal static partial class ForwardingLog
{
    [LoggerMessage(EventId = LogEvents.ForwardFailed, Level = LogLevel.Warning,
        Message = "Forwarding {Method} {Path} on {ListenerId} to {ServerGroupId} server {Server} failed: {Error} ({Reason})")]
    public static partial void ForwardFailed(ILogger logger, string method, string path, string listenerId, string serverGroupId, string server, ForwarderError error, string reason);

    [LoggerMessage(EventId = LogEvents.NoServerAvailable, Level = LogLevel.Warning,
        Message = "No server available for {Method} {Path} on {ListenerId} (rule {RuleId}, group {ServerGroupId}): every server has weight 0 or the group is empty")]
    public static partial void NoServerAvailable(ILogger logger, string method, string path, string listenerId, string ruleId, string serverGroupId);
}
