using LoadBalancer.DemoBackend;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using LoadBalancer.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace LoadBalancer.Hosting;

/// <summary>Composes the process: Kestrel endpoints from the snapshot, TLS, forwarding, reload, demo backends, logging.</summary>
internal static class LoadBalancerHost
{
    public static WebApplication Create(RuntimeSnapshot initial, HostSettings settings)
    {
        OpenSslPolicyHook.Install();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(LoggingSetup.Create(settings.ExtraLogSink), dispose: true);

        var endpoints = new ListenerEndpointsProvider(settings.Quic);
        endpoints.Publish(initial);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Quic);
        services.AddSingleton<QuicUnavailableNotice>();
        services.AddSingleton(new SnapshotHolder(initial));
        services.AddSingleton(endpoints);
        services.AddSingleton<ListenerResolver>();
        services.AddSingleton<ListenerEndpointConfigurator>();
        services.AddSingleton<BackendClient>();
        services.AddSingleton<ForwardingMiddleware>();
        services.AddSingleton<TcpForwarder>();
        services.AddHttpForwarder();
        services.AddSingleton<IdleConnectionReaper>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleConnectionReaper>());
        services.AddSingleton<NativeMemoryTrimmer>();
        services.AddHostedService(sp => sp.GetRequiredService<NativeMemoryTrimmer>());
        services.AddSingleton<CertificateContextWarmer>();
        services.AddSingleton<ReloadService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReloadService>());
        services.AddSingleton<DemoBackendHost>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoBackendHost>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        // Registered after Kestrel's own factory, so the transport takes these (16 KiB blocks: a TLS record per receive).
        services.AddSingleton<TransportMemoryPool>();
        services.AddSingleton<IMemoryPoolFactory<byte>, TransportMemoryPoolFactory>();

        // With socket completions on the event threads, Kestrel's pipes continue there too instead of queueing to the
        // thread pool (SocketEventLoop).
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = SocketEventLoop.Inline);

        // HTTP/3 for QUIC listeners: the msquic transport (registered where libmsquic is present), and the service that
        // hands an HTTP/3 endpoint's TLS callback to it (the slim builder leaves both out).
        builder.WebHost.UseQuic();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A proxy passes bodies of any size through (YARP streams them); the backend decides what it accepts.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Configure(new ConfigurationBuilder().Add(endpoints).Build(), reloadOnChange: true);
            kestrel.ConfigureEndpointDefaults(options => kestrel.ApplicationServices.GetRequiredService<ListenerEndpointConfigurator>().Configure(options));
        });

        var app = builder.Build();
        if (OperatingSystem.IsLinux() && !OpenSslPolicyHook.IsActive)
        {
            ConnectionLog.PoliciesThroughDotNet(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenSslPolicyHook)), OpenSslPolicyHook.Failure ?? "the per-connection settings are not installed");
        }

        var forwarding = app.Services.GetRequiredService<ForwardingMiddleware>();
        app.Run(forwarding.InvokeAsync);
        return app;
    }
}
