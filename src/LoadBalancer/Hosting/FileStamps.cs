using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LoadBalancer.Hosting;

/// <summary>
/// A hash over the path, size and modification time of a set of files: a cheap way to notice that any of them
/// changed (no string is built, so 20,000 certificate files cost only their stat calls).
/// </summary>
internal readonly record struct FileStamps(ulong Value, DateTime NewestWriteUtc)
{
    public static FileStamps Of(IEnumerable<string> files)
    {
        var hash = new XxHash64();
        var newest = DateTime.MinValue;
        Span<long> facts = stackalloc long[2];
        foreach (var file in files)
        {
            hash.Append(MemoryMarshal.AsBytes(file.AsSpan()));
            var info = new FileInfo(file);
            facts[0] = info.Exists ? info.Length : -1;
            facts[1] = info.Exists ? info.LastWriteTimeUtc.Ticks : -1;
            hash.Append(MemoryMarshal.AsBytes(facts));
            newest = info.Exists && info.LastWriteTimeUtc > newest ? info.LastWriteTimeUtc : newest;
        }

        return new FileStamps(hash.GetCurrentHashAsUInt64(), newest);
    }

    /// <summary>Before anything was read: differs from any real set of files in practice.</summary>
    public static FileStamps Unknown { get; } = new(0, DateTime.MinValue);
}
