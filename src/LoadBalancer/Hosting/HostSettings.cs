using LoadBalancer.Listeners.Quic;
using Serilog.Core;

namespace LoadBalancer.Hosting;

/// <summary>How the host is started: from the command line, or by the tests (which add a log sink to read).</summary>
internal sealed record HostSettings(string ConfigPath)
{
    public ILogEventSink? ExtraLogSink { get; init; }

    /// <summary>How often the watched files are compared even without a file-system event.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often freed native memory is returned to the system, when connections were opened meanwhile.</summary>
    public TimeSpan MemoryTrimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether QUIC listeners can be served (libmsquic); the tests pretend it is missing.</summary>
    public QuicSupport Quic { get; init; } = QuicSupport.Machine;
}
