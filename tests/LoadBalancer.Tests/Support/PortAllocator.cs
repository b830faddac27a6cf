using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Tests.Support;

/// <summary>Free TCP ports on 127.0.0.1, never the same one twice in a test run.</summary>
internal static class PortAllocator
{
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                using var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
