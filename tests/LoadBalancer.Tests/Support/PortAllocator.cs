using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// Free TCP ports on 127.0.0.1 for listeners the tests configure, never the same one twice in a test run. They
/// come from below the kernel's ephemeral range (32768 and up on Linux), so that the clients' own outgoing
/// connections cannot take one between the moment it is chosen and the moment the host binds it. Free means free
/// on TCP and UDP, so a port can serve an HTTPS listener and a QUIC one.
/// </summary>
internal static class PortAllocator
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < Last - First; tries++)
            {
                var port = _next;
                _next = _next >= Last ? First : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException($"no free port between {First} and {Last}");
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
