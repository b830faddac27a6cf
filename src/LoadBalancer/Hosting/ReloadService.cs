using System.Runtime.InteropServices;
using System.Text.Json;
using LoadBalancer.Configuration;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;

namespace LoadBalancer.Hosting;

/// <summary>
/// Watches the listener file and every file it names (certificates, keys, CAs) and applies an edit within a
/// second: file-system events trigger a check, a periodic comparison catches what events miss, and SIGHUP forces
/// one. A new snapshot is built off to the side; only a valid one replaces the current, otherwise every error is
/// logged and the last good version keeps serving.
/// </summary>
internal sealed class ReloadService(
    SnapshotHolder snapshots, ListenerEndpointsProvider endpoints, CertificateContextWarmer warmer, QuicUnavailableNotice quicUnavailable, HostSettings settings, ILogger<ReloadService> logger)
    : BackgroundService
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(150);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _reloadLock = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private IReadOnlyList<string> _watched = [];
    private FileStamps _stamps = FileStamps.Unknown;
    private int _forced;
    private long _version;

    /// <summary>Raised after a new snapshot is in place (the demo backends follow it).</summary>
    public event Action<RuntimeSnapshot>? Applied;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var current = snapshots.Current;
        _version = current.Version;
        Watch(current.SourceFiles, DateTime.MaxValue);
        HostLog.Loaded(logger, settings.ConfigPath, current.Version, current.Listeners.Count, current.Certificates.ById.Count);
        LogWarnings(current.Warnings);
        quicUnavailable.Report(current.Listeners.Values);
        warmer.WarmInBackground(current);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Reloads now. True when a new snapshot was applied, false when nothing changed or the file was refused.</summary>
    public bool ReloadNow()
    {
        lock (_reloadLock)
        {
            var loadStarted = DateTime.UtcNow;
            var result = SnapshotBuilder.Load(settings.ConfigPath, _version + 1);
            Watch(result.SourceFiles, loadStarted);
            var errors = result.Snapshot is null ? result.Errors.ToList() : [.. EndpointProbe.Unbindable(snapshots.Current, result.Snapshot, settings.Quic.IsAvailable)];
            if (errors.Count > 0)
            {
                HostLog.Rejected(logger, settings.ConfigPath, errors.Count, snapshots.Current.Version);
                errors.ForEach(e => HostLog.Problem(logger, e.ToString()));
                return false;
            }

            _version = result.Snapshot!.Version;
            Apply(result.Snapshot);
            return true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hangup = RegisterHangup();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(PollInterval, stoppingToken);
                await Task.Delay(SettleTime, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            while (_wake.Wait(0, CancellationToken.None))
            {
            }

            if (Interlocked.Exchange(ref _forced, 0) == 1 || FileStamps.Of(_watched) != _stamps)
            {
                TryReload();
            }
        }
    }

    /// <summary>Nothing may stop the watcher: an unexpected failure is logged and the last good version keeps serving.</summary>
    private void TryReload()
    {
        try
        {
            ReloadNow();
        }
#pragma warning disable CA1031 // the reload loop must survive any failure of one reload
        catch (Exception e)
#pragma warning restore CA1031
        {
            HostLog.ReloadFailed(logger, settings.ConfigPath, e);
        }
    }

    /// <summary>
    /// How often every watched file is compared without a file-system event: the configured interval, stretched to
    /// a millisecond per file so a store of 20,000 files is not stat-ed every two seconds.
    /// </summary>
    private TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Max(settings.PollInterval.TotalMilliseconds, _watched.Count));

    public override void Dispose()
    {
        _watchers.ForEach(w => w.Dispose());
        _wake.Dispose();
        base.Dispose();
    }

    private void Apply(RuntimeSnapshot next)
    {
        var previous = snapshots.Current;
        snapshots.Replace(next);
        endpoints.Publish(next);
        var added = string.Join(", ", next.Listeners.Keys.Except(previous.Listeners.Keys));
        var removed = string.Join(", ", previous.Listeners.Keys.Except(next.Listeners.Keys));
        var changed = string.Join(", ", next.Listeners.Keys.Intersect(previous.Listeners.Keys)
            .Where(id => !SameSettings(next.Listeners[id], previous.Listeners[id])));
        HostLog.Reloaded(logger, settings.ConfigPath, next.Version, added, removed, changed, next.Certificates.ById.Count);

        LogWarnings(next.Warnings);
        quicUnavailable.Report(next.Listeners.Values);
        warmer.WarmInBackground(next);
        Applied?.Invoke(next);
    }

    /// <summary>
    /// Records compare lists by reference; a listener's settings are compared by their JSON form instead, and its
    /// security policy by what it offers (a custom policy can change under the same id).
    /// </summary>
    private static bool SameSettings(ListenerRuntime a, ListenerRuntime b) =>
        JsonSerializer.Serialize(a.Config) == JsonSerializer.Serialize(b.Config)
        && (a.Policy is null ? b.Policy is null : b.Policy is not null && a.Policy.OffersTheSameAs(b.Policy));

    private void LogWarnings(IReadOnlyList<ConfigError> problems)
    {
        foreach (var warning in problems.Where(p => !p.IsError))
        {
            HostLog.Warning(logger, warning.ToString());
        }
    }

    /// <summary>
    /// Watches the folders of the given files and remembers their stamps as the state now applied or refused. A file
    /// written after <paramref name="loadStarted"/> may not be in what was just read, so one more reload follows.
    /// </summary>
    private void Watch(IReadOnlyList<string> files, DateTime loadStarted)
    {
        _watched = files;
        _stamps = FileStamps.Of(files);
        if (_stamps.NewestWriteUtc >= loadStarted)
        {
            Force();
        }

        var folders = files.Select(Path.GetDirectoryName).OfType<string>().Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _watchers.Where(w => !folders.Contains(w.Path)).ToList())
        {
            stale.Dispose();
            _watchers.Remove(stale);
        }

        foreach (var folder in folders.Where(f => _watchers.All(w => w.Path != f)))
        {
            TryWatchFolder(folder);
        }
    }

    /// <summary>File-system events where the system gives them (inotify limits can refuse); polling covers the rest.</summary>
    private void TryWatchFolder(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        try
        {
            watcher.Changed += (_, _) => Nudge();
            watcher.Created += (_, _) => Nudge();
            watcher.Deleted += (_, _) => Nudge();
            watcher.Renamed += (_, _) => Nudge();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            watcher.Dispose();
            HostLog.WatchUnavailable(logger, folder, e.Message, PollInterval.TotalSeconds);
        }
    }

    private void Force()
    {
        Interlocked.Exchange(ref _forced, 1);
        Nudge();
    }

    /// <summary>A file-system event: check now (the stamps decide whether anything we read changed).</summary>
    private void Nudge()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private PosixSignalRegistration? RegisterHangup()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        return PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Force();
        });
    }
}
