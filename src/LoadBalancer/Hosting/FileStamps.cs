namespace LoadBalancer.Hosting;

/// <summary>The size and modification time of a set of files: a cheap way to notice that any of them changed.</summary>
internal sealed record FileStamps(string Value)
{
    public static FileStamps Of(IEnumerable<string> files)
    {
        var parts = files.Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{f}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{f}:missing";
        });
        return new FileStamps(string.Join('|', parts));
    }
}
