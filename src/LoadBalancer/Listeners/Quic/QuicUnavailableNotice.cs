namespace LoadBalancer.Listeners.Quic;

/// <summary>
/// Where libmsquic is missing: one warning per QUIC listener, the first time a snapshot has it (at start or when a
/// reload adds it), saying that HTTP/3 is unavailable and why.
/// </summary>
internal sealed class QuicUnavailableNotice(QuicSupport support, ILogger<QuicUnavailableNotice> logger)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Report(IEnumerable<ListenerRuntime> listeners)
    {
        if (support.IsAvailable)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var listener in listeners.Where(l => l.Kind == ListenerKind.Quic && _reported.Add(l.Id)))
            {
                var endpoint = listener.Endpoint.ToString();
                QuicLog.Unavailable(logger, listener.Id, endpoint, support.Reason);
            }
        }
    }
}
