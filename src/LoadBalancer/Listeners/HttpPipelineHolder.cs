using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Listeners;

/// <summary>
/// The delegate that follows Kestrel's HTTPS middleware on an endpoint (the HTTP pipeline), captured when the
/// endpoint's middleware is built, so that connections whose handshake we run ourselves continue there.
/// </summary>
internal sealed class HttpPipelineHolder
{
    private ConnectionDelegate? _next;

    public ConnectionDelegate Next => _next ?? throw new InvalidOperationException("the endpoint's HTTP pipeline was not captured");

    public Func<ConnectionDelegate, ConnectionDelegate> Capture => next =>
    {
        _next = next;
        return next;
    };
}
