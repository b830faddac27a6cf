using System.Net.Sockets;
using LoadBalancer.Configuration;

namespace LoadBalancer.Hosting;

/// <summary>
/// Before a reload is applied, tries to bind each endpoint it adds, so that a port held by another process refuses
/// the edit (the last good configuration keeps serving) instead of leaving a listener that exists only on paper.
/// Ports this process already listens on are skipped: Kestrel rebinds those itself.
/// </summary>
internal static class EndpointProbe
{
    public static IReadOnlyList<ConfigError> Unbindable(RuntimeSnapshot current, RuntimeSnapshot next)
    {
        var heldPorts = current.Listeners.Values.Select(l => l.Endpoint.Port).ToHashSet();
        var errors = new List<ConfigError>();
        foreach (var listener in next.Listeners.Values.Where(l => !heldPorts.Contains(l.Endpoint.Port)))
        {
            try
            {
                using var socket = new Socket(listener.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
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
}
