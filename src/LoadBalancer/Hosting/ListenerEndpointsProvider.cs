using System.Net.Sockets;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using Microsoft.Extensions.Configuration;

namespace LoadBalancer.Hosting;

/// <summary>
/// Describes the snapshot's listener endpoints to Kestrel as reloadable configuration. On a reload Kestrel diffs
/// them: an endpoint whose description is unchanged keeps its socket and its connections; a new one binds; a
/// removed or changed one unbinds. The description holds what needs a new socket (address, port, kind, HTTP
/// versions); everything else (certificates, routes) is read per connection from the snapshot. A QUIC listener is
/// an HTTP/3-only endpoint (Kestrel binds it on UDP, through msquic); without libmsquic it is left out (and the log
/// says so once), so the other listeners still bind.
/// </summary>
internal sealed class ListenerEndpointsProvider(QuicSupport quic) : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Publish(RuntimeSnapshot snapshot)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var listener in snapshot.Listeners.Values.Where(l => l.Kind != ListenerKind.Quic || quic.IsAvailable))
        {
            var section = $"Endpoints:{EndpointName(listener)}:";
            data[section + "Url"] = Url(listener);
            data[section + "Protocols"] = listener.Kind == ListenerKind.Quic ? "Http3" : listener.Http2Enabled ? "Http1AndHttp2" : "Http1";
            data[section + "ListenerProtocol"] = listener.Kind.ToString();
        }

        Data = data;
        OnReload();
    }

    /// <summary>
    /// A configuration key unique per listener id and kind. Configuration keys ignore case and ':' separates
    /// sections, so the id is hex-encoded: "lsn-a", "lsn_a" and "LSN-A" stay three endpoints.
    /// </summary>
    private static string EndpointName(ListenerRuntime listener) =>
        $"L{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(listener.Id))}_{listener.Kind}";

    private static string Url(ListenerRuntime listener)
    {
        var address = listener.Endpoint.Address;
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"http://{host}:{listener.Endpoint.Port}";
    }
}
