using System.Globalization;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Forwarding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The floor of the stack LoadBalancer is built on, measured beside it: YARP's documented minimal direct forwarder
/// (<c>IHttpForwarder</c>) on Kestrel's own HTTPS, nothing of LoadBalancer in it but its backend client (no listener
/// file, certificate selection, policies, rules or logs). One certificate, HTTP/1.1 and HTTP/2, TLS 1.3 with TLS_AES_128_GCM_SHA256
/// and no session tickets (so no resumption), both set in OpenSSL's configuration file: through .NET's own options
/// (a cipher policy, <c>AllowTlsResume = false</c>) .NET would build an OpenSSL context for every handshake, about
/// a third fewer handshakes per CPU-second. X-Forwarded-For and -Proto are added as nginx is told to. It runs with
/// the process settings LoadBalancer ships with (socket work on one event thread per core, Kestrel's inline
/// scheduling, no thread-pool spinning, server GC), so that the difference between the two is LoadBalancer's own
/// code. Its own process: this program's <c>kestrel-yarp</c> mode. Only the one-certificate HTTPS scenarios (h1, h2,
/// handshakes, idle): it has no TCPSSL and no SNI.
/// </summary>
internal sealed class KestrelYarpProxy : IProxy
{
    public const string ProxyName = "Kestrel+YARP";

    public string Name => ProxyName;

    public async Task<ChildProcess> StartAsync(ProxySetup setup)
    {
        var openSslConfig = Path.Combine(setup.Directory, "openssl.cnf");
        await File.WriteAllTextAsync(openSslConfig, LoadTools.OpenSslConfiguration("NumTickets = 0"));
        var environment = new Dictionary<string, string>
        {
            ["OPENSSL_CONF"] = openSslConfig,
            ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
            ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
            ["DOTNET_gcServer"] = "1",
        };
        var (file, prefix) = LoadTools.Self();
        var leaf = setup.Leaves[0];
        var process = ChildProcess.Start(Name, file,
            [.. prefix, "kestrel-yarp", "--port", Port(setup.HttpsPort), "--certificate", leaf.Certificate, "--key", leaf.Key, "--backend", Port(setup.HttpBackendPort)],
            Path.Combine(setup.Directory, "kestrel-yarp.log"), environment);
        await process.WaitForPortAsync(setup.HttpsPort, TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>The <c>kestrel-yarp --port P --certificate CRT --key KEY --backend PORT</c> mode: serves until stopped.</summary>
    public static async Task<int> ServeAsync(IReadOnlyList<string> args)
    {
        string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"kestrel-yarp needs {name}");
        var port = int.Parse(Option("--port"), CultureInfo.InvariantCulture);
        using var pem = X509Certificate2.CreateFromPemFile(Option("--certificate"), Option("--key"));
        using var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        var destination = $"http://127.0.0.1:{Option("--backend")}/";

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    SslProtocols = SslProtocols.Tls13,
                });
            });
        });
        builder.Services.AddHttpForwarder();
        await using var app = builder.Build();
        // LoadBalancer's own backend client, so that both make the backend hop alike.
        using var backend = new BackendClient();
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var transformer = new ForwardedTransformer();
        app.Run(async context => await forwarder.SendAsync(context, destination, backend.Invoker, ForwarderRequestConfig.Empty, transformer));
        await app.RunAsync();
        return 0;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>YARP's default request copy plus the two headers nginx and HAProxy are told to add.</summary>
    private sealed class ForwardedTransformer : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", httpContext.Connection.RemoteIpAddress?.ToString());
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
        }
    }
}
