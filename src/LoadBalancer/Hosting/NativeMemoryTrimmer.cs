using System.Diagnostics;
using System.Runtime.InteropServices;
using LoadBalancer.Listeners;

namespace LoadBalancer.Hosting;

/// <summary>
/// Gives freed native memory back to the system (glibc's <c>malloc_trim</c>), as HAProxy does. Every TLS handshake
/// allocates and frees OpenSSL's handshake state and record buffers (idle connections release theirs); glibc keeps
/// the freed pages inside its per-thread arenas, between the allocations of connections still open, so without
/// trimming a process that once ran many handshakes stays that large: 3,000 idle TLS connections held about 17 KiB
/// each more (docs/benchmarks.md). One pass every interval while connections are opened or memory is collected, and for a minute
/// after; nothing in a process that has been quiet longer. Does nothing where the C library has no <c>malloc_trim</c> (musl).
/// </summary>
internal sealed partial class NativeMemoryTrimmer(IdleConnectionReaper connections, HostSettings settings, ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    /// <summary>
    /// Trimming goes on for this many intervals after the last activity: memory is freed for a while after the last
    /// connection came (handles released later, pages given back and touched again), and one late pass found more
    /// than the passes during the activity had (3,000 connections: 147 MiB anonymous memory, 93 MiB after one pass).
    /// </summary>
    private const int TrimTicksAfterActivity = 12;

    private long _trims;

    /// <summary>Trims so far (for the tests).</summary>
    public long Trims => Interlocked.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.MemoryTrimInterval);
        var seen = Activity();
        var quietTicks = TrimTicksAfterActivity;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Activity();
            quietTicks = now == seen ? Math.Min(quietTicks + 1, TrimTicksAfterActivity) : 0;
            seen = now;
            if (quietTicks < TrimTicksAfterActivity && !TryTrim())
            {
                return;
            }
        }
    }

    /// <summary>
    /// Connections opened, and garbage collections: native memory of a closed connection or a finished handshake is
    /// freed when .NET releases its handles, some of them only after a collection.
    /// </summary>
    private (long Opened, int Collections) Activity() => (connections.Opened, GC.CollectionCount(0));

    private bool TryTrim()
    {
        var started = Stopwatch.GetTimestamp();
        bool released;
        try
        {
            released = MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            var reason = e.Message;
            HostLog.MemoryTrimUnavailable(logger, reason);
            return false;
        }

        Interlocked.Increment(ref _trims);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        HostLog.MemoryTrimmed(logger, released, milliseconds);
        return true;
    }

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
