using LoadBalancer.Logging;

namespace LoadBalancer.Forwarding;

internal static partial class TcpForwarderLog
{
    [LoggerMessage(EventId = LogEvents.TcpConnectionClosed, Level = LogLevel.Information,
        Message = "TCP connection on {ListenerId} from {ClientAddress} to {Server} closed: {BytesToServer} bytes up, {BytesToClient} bytes down in {Seconds:F1} s")]
    public static partial void Closed(ILogger logger, string listenerId, string clientAddress, string server, long bytesToServer, long bytesToClient, double seconds);

    [LoggerMessage(EventId = LogEvents.TcpNoServer, Level = LogLevel.Warning,
        Message = "TCP connection on {ListenerId} from {ClientAddress} closed: no server of {ServerGroupId} answered ({Reasons})")]
    public static partial void NoServer(ILogger logger, string listenerId, string clientAddress, string serverGroupId, string reasons);
}
