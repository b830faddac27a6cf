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

    public static Logger Create(ILogEventSink? extraSink)
    {
        var level = Enum.TryParse<LogEventLevel>(Environment.GetEnvironmentVariable("LOADBALANCER_LOG_LEVEL"), ignoreCase: true, out var parsed)
            ? parsed
            : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
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
