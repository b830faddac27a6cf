using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LoadBalancer.Hosting;

/// <summary>
/// A hash over the path, size and modification time of a set of files: a cheap way to notice that any of them
/// changed (no string is built, so 20,000 certificate files cost only their stat calls).
/// </summary>
internal readonly record struct FileStamps(ulong Value)
{
    public static FileStamps Of(IEnumerable<string> files)
    {
        var hash = new XxHash64();
        Span<long> facts = stackalloc long[2];
        foreach (var file in files)
        {
            hash.Append(MemoryMarshal.AsBytes(file.AsSpan()));
            var info = new FileInfo(file);
            facts[0] = info.Exists ? info.Length : -1;
            facts[1] = info.Exists ? info.LastWriteTimeUtc.Ticks : -1;
            hash.Append(MemoryMarshal.AsBytes(facts));
        }

        return new FileStamps(hash.GetCurrentHashAsUInt64());
    }

    /// <summary>A value no set of files hashes to in practice: forces the next comparison to differ.</summary>
    public static FileStamps Forced { get; } = new(0);
}
