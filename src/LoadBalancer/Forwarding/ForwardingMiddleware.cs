using System.Net.Sockets;
using LoadBalancer.Listeners;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The end of every request: the listener's rules pick a server group, its scheduler a server, and YARP's
/// forwarder sends the request there. No server: 503. A server that cannot be reached: 502 at once, and it is
/// skipped for a while.
/// </summary>
internal sealed class ForwardingMiddleware(IHttpForwarder forwarder, BackendClient backend, ILogger<ForwardingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<ListenerFeature>();
        if (feature?.Listener.Router is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        feature.Activity.RequestStarted();
        try
        {
            await ForwardAsync(context, feature.Listener);
        }
        finally
        {
            feature.Activity.RequestEnded();
        }
    }

    private async Task ForwardAsync(HttpContext context, ListenerRuntime listener)
    {
        var (target, ruleId) = listener.Router!.Route(context.Request);
        var group = target.PickGroup();
        var server = group?.Pick(context.Connection.RemoteIpAddress);
        if (group is null || server is null)
        {
            ForwardingLog.NoServerAvailable(logger, context.Request.Method, context.Request.Path, listener.Id, ruleId, group?.Id ?? "-");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        server.Begin();
        try
        {
            var error = await forwarder.SendAsync(context, server.DestinationPrefix, backend.Invoker, listener.RequestConfig, listener.Transformer!);
            Report(context, listener, group, server, error);
        }
        finally
        {
            server.End();
        }
    }

    private void Report(HttpContext context, ListenerRuntime listener, ServerGroupRuntime group, BackendServer server, ForwarderError error)
    {
        if (error == ForwarderError.None)
        {
            server.ReportSuccess();
            return;
        }

        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        if (error == ForwarderError.Request && IsConnectFailure(exception))
        {
            server.ReportConnectFailure();
        }

        ForwardingLog.ForwardFailed(logger, context.Request.Method, context.Request.Path, listener.Id, group.Id, server.ToString(), error, exception?.GetBaseException().Message ?? "-");
    }

    private static bool IsConnectFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException || e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
