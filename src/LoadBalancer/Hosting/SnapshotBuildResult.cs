using LoadBalancer.Configuration;

namespace LoadBalancer.Hosting;

/// <summary>
/// A new snapshot, or every error that kept the file from becoming one (warnings come either way), and the files
/// it was read from, so a reload can watch the files a broken version names too.
/// </summary>
internal sealed record SnapshotBuildResult(RuntimeSnapshot? Snapshot, IReadOnlyList<ConfigError> Problems, IReadOnlyList<string> SourceFiles)
{
    public IEnumerable<ConfigError> Errors => Problems.Where(p => p.IsError);
}
