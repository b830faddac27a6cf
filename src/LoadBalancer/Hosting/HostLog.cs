using LoadBalancer.Logging;

namespace LoadBalancer.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = LogEvents.ConfigurationLoaded, Level = LogLevel.Information,
        Message = "Serving {ConfigPath} (version {Version}): {ListenerCount} listeners, {CertificateCount} certificates")]
    public static partial void Loaded(ILogger logger, string configPath, long version, int listenerCount, int certificateCount);

    [LoggerMessage(EventId = LogEvents.ConfigurationReloaded, Level = LogLevel.Information,
        Message = "Reloaded {ConfigPath} (version {Version}): listeners added [{Added}], removed [{Removed}], changed [{Changed}]; {CertificateCount} certificates")]
    public static partial void Reloaded(ILogger logger, string configPath, long version, string added, string removed, string changed, int certificateCount);

    [LoggerMessage(EventId = LogEvents.ConfigurationRejected, Level = LogLevel.Error,
        Message = "Rejected the edit of {ConfigPath}: {ErrorCount} errors; still serving version {Version}")]
    public static partial void Rejected(ILogger logger, string configPath, int errorCount, long version);

    [LoggerMessage(EventId = LogEvents.ConfigurationError, Level = LogLevel.Error, Message = "  {Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(EventId = LogEvents.ReloadFailed, Level = LogLevel.Error, Message = "Reloading {ConfigPath} failed unexpectedly; the last good version keeps serving")]
    public static partial void ReloadFailed(ILogger logger, string configPath, Exception exception);

    [LoggerMessage(EventId = LogEvents.WatchUnavailable, Level = LogLevel.Warning,
        Message = "No file-system events for {Folder} ({Reason}): edits there are noticed by polling every {Seconds:F0} s")]
    public static partial void WatchUnavailable(ILogger logger, string folder, string reason, double seconds);

    [LoggerMessage(EventId = LogEvents.ConfigurationWarning, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void Warning(ILogger logger, string problem);

    [LoggerMessage(EventId = LogEvents.MemoryTrimmed, Level = LogLevel.Debug, Message = "Native memory trimmed (some returned to the system: {Released}) in {Milliseconds:F1} ms")]
    public static partial void MemoryTrimmed(ILogger logger, bool released, double milliseconds);

    [LoggerMessage(EventId = LogEvents.MemoryTrimUnavailable, Level = LogLevel.Information,
        Message = "Freed native memory is not returned to the system periodically: no malloc_trim in this C library ({Reason})")]
    public static partial void MemoryTrimUnavailable(ILogger logger, string reason);
}
