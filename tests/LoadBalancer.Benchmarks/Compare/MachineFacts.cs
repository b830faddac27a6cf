using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>What the figures were measured on: cores, memory, kernel and the version of everything measured.</summary>
internal static class MachineFacts
{
    public static async Task<Dictionary<string, string>> CollectAsync(string log)
    {
        async Task<string> FirstLine(string file, params string[] arguments)
        {
            try
            {
                var result = await ChildProcess.RunAsync(file, arguments, log, TimeSpan.FromSeconds(30), requireSuccess: false);
                return (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "?";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "not installed";
            }
        }

        return new()
        {
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = File.ReadLines("/proc/meminfo").First(),
            ["cpu"] = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?",
            ["kernel"] = await FirstLine("uname", "-r"),
            ["dotnet"] = $".NET {Environment.Version}",
            ["nginx"] = await FirstLine("nginx", "-v"),
            ["haproxy"] = await FirstLine("haproxy", "-v"),
            ["openssl"] = await FirstLine("openssl", "version"),
            ["h2load"] = await FirstLine("h2load", "--version"),
            ["wrk"] = await FirstLine("wrk", "--version"),
        };
    }

    /// <summary>The 1-minute load average now (other work on the machine shows here).</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
