namespace LoadBalancer.Listeners;

/// <summary>
/// When a connection last started or finished a request, and how many it has in flight: ALB's idle timeout counts
/// from the end of the last request (or the accept) while none is in flight.
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

    public void RequestEnded()
    {
        Volatile.Write(ref _lastActivity, Environment.TickCount64);
        Interlocked.Decrement(ref _inFlight);
    }
}
