using System.Diagnostics;
using LoadBalancer.Certificates.Selection;

namespace LoadBalancer.Listeners.Quic;

/// <summary>
/// One QUIC handshake, from the ClientHello msquic hands over to the connection Kestrel accepts, for its single log
/// line. msquic tells the application nothing of a handshake that fails after it asked for the certificate: the
/// handshake's cancellation token fires when the client closes the connection early, and a timer catches the rest
/// (msquic refusing the ClientHello, say for want of a common cipher suite): a connection not accepted within the
/// handshake time limit (and a second) has failed.
/// </summary>
internal sealed class QuicHandshakeAttempt(ListenerRuntime listener, string client, string? serverName, CertificateSelection selection, TimeSpan timeout, ILogger logger) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private CancellationTokenRegistration _watch;
    private Timer? _deadline;
    private int _ended;

    public ListenerRuntime Listener { get; } = listener;

    public CertificateSelection Selection { get; } = selection;

    private string Sni => string.IsNullOrEmpty(serverName) ? "-" : serverName;

    private TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Logs a failure if the handshake is cancelled, or not accepted in time.</summary>
    public void WatchForFailure(CancellationToken handshake)
    {
        _deadline = new Timer(static state => ((QuicHandshakeAttempt)state!).Expired(), this, timeout + Grace, Timeout.InfiniteTimeSpan);
        _watch = handshake.Register(static state => ((QuicHandshakeAttempt)state!).Cancelled(), this);
    }

    public void Completed()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        StopWatching();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (sni, criterion, elapsed) = (Sni, Selection.Criterion.Describe(), Elapsed.TotalMilliseconds);
            QuicLog.HandshakeCompleted(logger, Listener.Id, client, sni, Selection.Certificate.Id, criterion, elapsed);
        }
    }

    public void Failed(string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        StopWatching();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (sni, elapsed) = (Sni, Elapsed.TotalMilliseconds);
            QuicLog.HandshakeFailed(logger, Listener.Id, client, sni, Selection.Certificate.Id, reason, elapsed);
        }
    }

    /// <summary>Stops watching (a logged attempt stops by itself).</summary>
    public void Dispose() => StopWatching();

    private void StopWatching()
    {
        _deadline?.Dispose();
        _watch.Dispose();
    }

    private void Cancelled() => Failed(Elapsed >= timeout
        ? $"handshake not finished within {timeout.TotalSeconds:F0} s"
        : "the client closed the connection during the handshake (msquic does not say why; a client that refuses the certificate does this)");

    private void Expired() => Failed(
        "the connection was never established: msquic ended the handshake without saying why (no TLS 1.3 cipher suite in common with the listener's policy, a client that refused the certificate, or one that went silent)");
}
