using System.Net;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Hosting;
using LoadBalancer.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace LoadBalancer.DemoBackend;

/// <summary>
/// Runs the file's DemoBackends: small echo servers inside this process, each on its own Kestrel, started and
/// stopped as reloads add or remove them.
/// </summary>
internal sealed partial class DemoBackendHost(SnapshotHolder snapshots, ReloadService reloads, ILogger<DemoBackendHost> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<DemoBackendConfig, WebApplication> _running = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(snapshots.Current.File.Config.DemoBackends);
        reloads.Applied += snapshot => _ = ApplyAsync(snapshot.File.Config.DemoBackends);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await ApplyAsync([]);

    public void Dispose() => _gate.Dispose();

    private async Task ApplyAsync(IReadOnlyList<DemoBackendConfig> wanted)
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var stale in _running.Keys.Except(wanted).ToList())
            {
                await _running[stale].DisposeAsync();
                _running.Remove(stale);
                Stopped(logger, stale.DemoBackendId ?? "", stale.Address, stale.Port);
            }

            foreach (var backend in wanted.Where(b => !_running.ContainsKey(b)))
            {
                try
                {
                    _running[backend] = await StartAsync(backend);
                    Started(logger, backend.DemoBackendId ?? "", backend.Address, backend.Port);
                }
                catch (IOException e)
                {
                    FailedToStart(logger, backend.DemoBackendId ?? "", backend.Address, backend.Port, e.Message);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<WebApplication> StartAsync(DemoBackendConfig backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(backend.Address), backend.Port));
        var app = builder.Build();
        var id = backend.DemoBackendId ?? $"{backend.Address}:{backend.Port}";
        app.Run(context => EchoResponder.RespondAsync(context, id));
        await app.StartAsync();
        return app;
    }

    [LoggerMessage(EventId = LogEvents.DemoBackendStarted, Level = LogLevel.Information, Message = "Demo backend {DemoBackendId} answering on http://{Address}:{Port}")]
    private static partial void Started(ILogger logger, string demoBackendId, string address, int port);

    [LoggerMessage(EventId = LogEvents.DemoBackendFailed, Level = LogLevel.Error, Message = "Demo backend {DemoBackendId} could not start on {Address}:{Port}: {Reason}")]
    private static partial void FailedToStart(ILogger logger, string demoBackendId, string address, int port, string reason);

    [LoggerMessage(EventId = LogEvents.DemoBackendStopped, Level = LogLevel.Information, Message = "Demo backend {DemoBackendId} on {Address}:{Port} stopped")]
    private static partial void Stopped(ILogger logger, string demoBackendId, string address, int port);
}
