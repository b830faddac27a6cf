using System.Diagnostics;
using System.Security.Cryptography;
using LoadBalancer.Logging;

namespace LoadBalancer.Hosting;

/// <summary>
/// Builds the TLS context (chain with intermediates) of every certificate a snapshot's listeners serve, on one
/// background thread right after the snapshot is applied, so handshakes rarely pay for it. A handshake that comes
/// first builds the context itself, once. A snapshot replaced meanwhile is abandoned.
/// </summary>
internal sealed partial class CertificateContextWarmer(SnapshotHolder snapshots, ILogger<CertificateContextWarmer> logger)
{
    public void WarmInBackground(RuntimeSnapshot snapshot) => _ = Task.Run(() => Warm(snapshot));

    private void Warm(RuntimeSnapshot snapshot)
    {
        var started = Stopwatch.GetTimestamp();
        var served = snapshot.Listeners.Values.Where(l => l.Selector is not null).SelectMany(l => l.Selector!.Certificates.Select(c => (Listener: l, Certificate: c))).ToList();
        foreach (var (listener, certificate) in served)
        {
            if (!ReferenceEquals(snapshots.Current, snapshot))
            {
                return;
            }

            try
            {
                // What a handshake would use: the certificate's context (or the listener's own one under mutual TLS), and
                // the certificate as OpenSSL takes it while policies are set inside OpenSSL.
                listener.PrepareHandshakes(certificate);
            }
            catch (CryptographicException e)
            {
                ContextFailed(logger, certificate.Id, e.Message);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Warmed(logger, served.Count, snapshot.Version, seconds);
    }

    [LoggerMessage(EventId = LogEvents.CertificateContextsReady, Level = LogLevel.Debug, Message = "TLS contexts of {Count} listener certificates ready (version {Version}) in {Seconds:F2} s")]
    private static partial void Warmed(ILogger logger, int count, long version, double seconds);

    [LoggerMessage(EventId = LogEvents.CertificateContextFailed, Level = LogLevel.Error, Message = "The TLS context of certificate {CertificateId} could not be built: {Reason}")]
    private static partial void ContextFailed(ILogger logger, string certificateId, string reason);
}
