using System.Net.Sockets;
using LoadBalancer.Configuration;
using LoadBalancer.Listeners;

namespace LoadBalancer.Hosting;

/// <summary>
/// Before a reload is applied, tries to bind each endpoint it adds, so that a port held by another process refuses
/// the edit (the last good configuration keeps serving) instead of leaving a listener that exists only on paper.
/// Ports this process already listens on are skipped: Kestrel rebinds those itself. QUIC listeners bind UDP (and
/// are probed only where they are served, with libmsquic), the others TCP.
/// </summary>
internal static class EndpointProbe
{
    public static IReadOnlyList<ConfigError> Unbindable(RuntimeSnapshot current, RuntimeSnapshot next, bool quicServed)
    {
        var heldPorts = current.Listeners.Values.Select(Binding).ToHashSet();
        var errors = new List<ConfigError>();
        var probed = next.Listeners.Values.Where(l => !heldPorts.Contains(Binding(l)) && (quicServed || l.Kind != ListenerKind.Quic));
        foreach (var listener in probed)
        {
            try
            {
                using var socket = listener.Kind == ListenerKind.Quic
                    ? new Socket(listener.Endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
                    : new Socket(listener.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(listener.Endpoint);
            }
            catch (SocketException e)
            {
                errors.Add(new ConfigError($"Listener '{listener.Id}' (LoadBalancer '{listener.LoadBalancerId}')", "ListenerPort",
                    $"{listener.Endpoint} cannot be bound ({e.Message}): is another process using it? Choose another ListenerPort or stop that process"));
            }
        }

        return errors;
    }

    private static (int Port, bool Udp) Binding(ListenerRuntime listener) => (listener.Endpoint.Port, listener.Kind == ListenerKind.Quic);
}
