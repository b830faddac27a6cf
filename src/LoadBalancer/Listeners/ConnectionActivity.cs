namespace LoadBalancer.Listeners;

/// <summary>
/// When a connection last started or finished a request (or moved bytes, on a TCP listener), and how many requests
/// it has in flight: the idle timeout counts from the last activity while none is in flight.
/// </summary>
internal sealed class ConnectionActivity
{
    private long _lastActivity = Environment.TickCount64;
    private int _inFlight;

    public bool IsIdleFor(TimeSpan timeout, long now) =>
        Volatile.Read(ref _inFlight) == 0 && now - Volatile.Read(ref _lastActivity) > (long)timeout.TotalMilliseconds;

    public void RequestStarted()
    {
        Volatile.Write(ref _lastActivity, Environment.TickCount64);
        Interlocked.Increment(ref _inFlight);
    }

    /// <summary>Bytes moved on a byte-pipe connection (TCP, TCPSSL): idle counts from the last of them.</summary>
    public void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    public void RequestEnded()
    {
        Volatile.Write(ref _lastActivity, Environment.TickCount64);
        Interlocked.Decrement(ref _inFlight);
    }
}
