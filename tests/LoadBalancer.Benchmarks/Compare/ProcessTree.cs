using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>A process and all its descendants, read from /proc: resident memory and CPU time added up.</summary>
internal static class ProcessTree
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>VmRSS of the process and its descendants, KiB.</summary>
    public static long ResidentKiB(int root) => Members(root).Sum(ResidentKiBOf);

    /// <summary>User + system CPU time of the process and its live descendants, seconds.</summary>
    public static double CpuSeconds(int root) => Members(root).Sum(CpuSecondsOf);

    public static IReadOnlyList<int> Members(int root)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
            {
                var parent = int.Parse(stat[1], CultureInfo.InvariantCulture);
                if (!parents.TryGetValue(parent, out var children))
                {
                    parents[parent] = children = [];
                }

                children.Add(pid);
            }
        }

        var members = new List<int> { root };
        for (var i = 0; i < members.Count; i++)
        {
            if (parents.TryGetValue(members[i], out var children))
            {
                members.AddRange(children);
            }
        }

        return members;
    }

    private static long ResidentKiBOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double CpuSecondsOf(int pid) => Stat(pid) is { } stat
        ? (long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)) / TicksPerSecond
        : 0;

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
