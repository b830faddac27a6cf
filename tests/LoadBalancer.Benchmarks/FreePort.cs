using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Benchmarks;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
