using System.Net;

namespace LoadBalancer.Forwarding;

/// <summary>
/// The one HTTP client every server group shares (its pools are per destination). A connection that cannot be made
/// within 5 s fails with 502 rather than hanging. Like ALB, backend HTTPS certificates are not verified.
/// </summary>
internal sealed class BackendClient : IDisposable
{
    public BackendClient()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
        };
#pragma warning disable CA5359 // ALB does not verify backend certificates; neither do we (documented in the README)
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
