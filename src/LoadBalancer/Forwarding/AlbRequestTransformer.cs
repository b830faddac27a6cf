using System.Globalization;
using System.Net.Http.Headers;
using LoadBalancer.Configuration.Model;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Forwarding;

/// <summary>
/// Copies the request as YARP does (original Host kept) and sets the listener's XForwardedForConfig headers. Client
/// copies of those headers are dropped; X-Forwarded-For keeps the client's chain and appends the peer address.
/// </summary>
internal sealed class AlbRequestTransformer(XForwardedForConfig config, int listenerPort, string loadBalancerId) : HttpTransformer
{
    private readonly string _port = listenerPort.ToString(CultureInfo.InvariantCulture);
    private readonly ClientCertificateHeaders _clientCertificate = new(config);
    private readonly HashSet<string> _managed = new(ForwardedHeaders.Managed.Concat(new ClientCertificateHeaders(config).AllNames), HeaderNameComparer.Instance);

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var headers = proxyRequest.Headers;
        RemoveClientCopies(headers);

        var connection = httpContext.Connection;
        if (config.XForwardedForEnabled && connection.RemoteIpAddress is { } client)
        {
            var address = (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();
            var chain = httpContext.Request.Headers[ForwardedHeaders.For];
            headers.TryAddWithoutValidation(ForwardedHeaders.For, chain.Count == 0 ? address : $"{string.Join(", ", chain.ToArray())}, {address}");
        }

        if (config.XForwardedForProtoEnabled)
        {
            headers.TryAddWithoutValidation(ForwardedHeaders.Proto, httpContext.Request.Scheme);
        }

        if (config.XForwardedForSLBPortEnabled)
        {
            headers.TryAddWithoutValidation(ForwardedHeaders.Port, _port);
        }

        if (config.XForwardedForSLBIdEnabled)
        {
            headers.TryAddWithoutValidation(ForwardedHeaders.SlbId, loadBalancerId);
        }

        if (config.XForwardedForClientSrcPortEnabled)
        {
            headers.TryAddWithoutValidation(ForwardedHeaders.ClientSrcPort, connection.RemotePort.ToString(CultureInfo.InvariantCulture));
        }

        // A certificate is only on the connection when the listener verified it (mutual TLS), hence SUCCESS.
        _clientCertificate.Apply(headers, connection.ClientCertificate, "SUCCESS");
    }

    /// <summary>
    /// Drops every client-sent header that names one we manage, in any case and with '_' for '-'. Looks at the names
    /// only (<c>NonValidated</c>: the validating enumerator builds every header's values as an array per request).
    /// </summary>
    private void RemoveClientCopies(HttpRequestHeaders headers)
    {
        List<string>? copies = null;
        foreach (var header in headers.NonValidated)
        {
            if (_managed.Contains(header.Key))
            {
                (copies ??= []).Add(header.Key);
            }
        }

        copies?.ForEach(name => headers.Remove(name));
    }
}
