using System.Net.Sockets;
using LoadBalancer.Hosting;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The end of every request: the listener's rules pick a server group, its scheduler a server, and YARP's
/// forwarder sends the request there. No server: 503. A server that cannot be reached: 502 at once, and it is
/// skipped for a while. HTTP/3 requests (QUIC listeners) take the same way; an HTTPS listener with QUIC upgrade
/// advertises its QUIC listener in Alt-Svc on every response.
/// </summary>
internal sealed class ForwardingMiddleware(
    IHttpForwarder forwarder, BackendClient backend, SnapshotHolder snapshots, QuicSupport quic, ILogger<ForwardingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Set on the connection (an HTTP/3 request sees its QUIC connection's features too).
        var feature = context.Features.Get<ListenerFeature>();
        if (feature?.Listener.Router is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // One async method for the whole request (its state machine is allocated per request when the forward
        // waits for the backend, which it always does).
        feature.Activity.RequestStarted();
        try
        {
            var listener = Routing(feature.Listener);
            AdvertiseHttp3(context, listener);
            var (target, ruleId) = listener.Router!.Route(context.Request);
            var group = target.PickGroup();
            var server = group?.Pick(context.Connection.RemoteIpAddress);
            if (group is null || server is null)
            {
                ForwardingLog.NoServerAvailable(logger, context.Request.Method, context.Request.Path, listener.Id, ruleId, group?.Id ?? "-");
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            server.State.Begin();
            try
            {
                var error = await forwarder.SendAsync(context, server.DestinationPrefix, backend.Invoker, listener.RequestConfig, listener.Transformer!);
                Report(context, listener, group, server, error);
            }
            finally
            {
                server.State.End();
            }
        }
        finally
        {
            feature.Activity.RequestEnded();
        }
    }

    /// <summary>
    /// Routes, groups and headers come from the current snapshot, so an edit applies to the next request even on a
    /// keep-alive connection; the connection keeps its own snapshot only for what its handshake decided.
    /// </summary>
    private ListenerRuntime Routing(ListenerRuntime pinned) =>
        snapshots.Current.Listeners.TryGetValue(pinned.Id, out var current) && current.Kind == pinned.Kind && current.Router is not null ? current : pinned;

    /// <summary>
    /// Alt-Svc names the QUIC listener's port (YARP never copies a backend's Alt-Svc, which describes the backend),
    /// set just before the headers go out so that the answers we make ourselves (502, 503, 504) carry it too. Not
    /// where libmsquic is missing: no HTTP/3 is served then.
    /// </summary>
    private void AdvertiseHttp3(HttpContext context, ListenerRuntime listener)
    {
        if (listener.AltSvc is not { } altSvc || !quic.IsAvailable)
        {
            return;
        }

        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers.AltSvc = value;
            return Task.CompletedTask;
        }, (context.Response, altSvc));
    }

    private void Report(HttpContext context, ListenerRuntime listener, ServerGroupRuntime group, BackendServer server, ForwarderError error)
    {
        if (error == ForwarderError.None)
        {
            server.State.ReportSuccess();
            return;
        }

        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        if (IsConnectFailure(exception) && !context.RequestAborted.IsCancellationRequested)
        {
            server.State.ReportConnectFailure();
        }

        ForwardingLog.ForwardFailed(logger, context.Request.Method, context.Request.Path, listener.Id, group.Id, server.ToString(), error, exception?.GetBaseException().Message ?? "-");
    }

    /// <summary>
    /// The server could not be reached (refused, unreachable, or no connection within the connect timeout), as
    /// opposed to a failure after it answered, which says nothing about taking new connections.
    /// </summary>
    private static bool IsConnectFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                || e is TimeoutException
                || e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut })
            {
                return true;
            }
        }

        return false;
    }
}
