using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LoadBalancer.Logging;

/// <summary>
/// Serilog, structured. Console text by default; <c>LOADBALANCER_LOG_FORMAT=json</c> writes compact JSON (one
/// object per line, every property a field); <c>LOADBALANCER_LOG_LEVEL</c> sets the minimum level.
/// </summary>
internal static class LoggingSetup
{
    private const string Template = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// ASP.NET Core's per-request logger: it writes only "Request starting/finished" lines (Information and Debug,
    /// below the level anyway), but while it is enabled at any level ASP.NET Core creates an <c>Activity</c> (a trace
    /// id, an async-local switch) and a logging scope for every request: about 900 of the 4,300 bytes allocated per
    /// proxied request (docs/benchmarks.md), for nothing, as we neither trace nor log per request. A client's own
    /// <c>traceparent</c> header still reaches the backend unchanged.
    /// </summary>
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Above <see cref="LogEventLevel.Fatal"/>: nothing from that source is enabled, not even Critical.</summary>
    private const LogEventLevel Off = LogEventLevel.Fatal + 1;

    public static Logger Create(ILogEventSink? extraSink)
    {
        var level = Enum.TryParse<LogEventLevel>(Environment.GetEnvironmentVariable("LOADBALANCER_LOG_LEVEL"), ignoreCase: true, out var parsed)
            ? parsed
            : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override(HostingDiagnostics, Off)
            .MinimumLevel.Override("Yarp", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        configuration = string.Equals(Environment.GetEnvironmentVariable("LOADBALANCER_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new CompactJsonFormatter())
            : configuration.WriteTo.Console(outputTemplate: Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (extraSink is not null)
        {
            configuration = configuration.WriteTo.Sink(extraSink);
        }

        return configuration.CreateLogger();
    }
}
