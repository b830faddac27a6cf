using LoadBalancer.Hosting;
using Microsoft.AspNetCore.Builder;

namespace LoadBalancer.Tests.Support;

/// <summary>The real host, started in this process on a listener file, with its log captured.</summary>
internal sealed class RunningLoadBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningLoadBalancer(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    /// <param name="configure">Changes to the host's settings (e.g. a machine without libmsquic).</param>
    public static async Task<RunningLoadBalancer> StartAsync(string configPath, Func<HostSettings, HostSettings>? configure = null)
    {
        var result = SnapshotBuilder.Load(configPath, version: 1);
        if (result.Snapshot is null)
        {
            throw new InvalidOperationException("the test's listener file is invalid:\n" + string.Join("\n", result.Errors));
        }

        var logs = new CapturedLogs();
        var settings = new HostSettings(configPath) { ExtraLogSink = logs, PollInterval = TimeSpan.FromMilliseconds(250) };
        var app = LoadBalancerHost.Create(result.Snapshot, configure?.Invoke(settings) ?? settings);
        await app.StartAsync();
        return new RunningLoadBalancer(app, logs);
    }

    /// <summary>One of the host's services, to read what it did.</summary>
    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public bool ReloadNow() => _app.Services.GetRequiredService<ReloadService>().ReloadNow();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
