using System.Diagnostics;
using System.Globalization;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// Measures a scenario on every proxy for one round, after one unrecorded warm-up each: the r-th round starts with the
/// r-th proxy, so that no proxy is always measured first or last. Each round runs on freshly started proxies (see
/// <see cref="CompareRun"/>): a process's own state (where its threads and connections landed, what its JIT compiled)
/// moves a figure more between two processes than between two runs of one. Records each run's figures, the proxy's
/// CPU use (its whole process tree) and the machine's load average when the run began.
/// </summary>
internal static class Rounds
{
    public static async Task MeasureRoundAsync(ScenarioResult result, int round, int runs, IReadOnlyList<RunningProxy> proxies,
        Func<RunningProxy, Task> warmUp, Func<RunningProxy, Task<Dictionary<string, double>>> measure, string? rateFigure)
    {
        foreach (var proxy in proxies)
        {
            await warmUp(proxy);
        }

        for (var i = 0; i < proxies.Count; i++)
        {
            var proxy = proxies[(round + i) % proxies.Count];
            var record = await MeasureOnceAsync(proxy, measure, rateFigure);
            result.Add(proxy.Name, record);
            Console.WriteLine(Describe(result.Id, round + 1, runs, proxy.Name, record));
        }
    }

    public static async Task<RunRecord> MeasureOnceAsync(RunningProxy proxy, Func<RunningProxy, Task<Dictionary<string, double>>> measure, string? rateFigure)
    {
        var load = MachineFacts.LoadAverage();
        var cpuBefore = ProcessTree.CpuSeconds(proxy.Process.Id);
        var started = Stopwatch.GetTimestamp();
        var figures = await measure(proxy);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = ProcessTree.CpuSeconds(proxy.Process.Id) - cpuBefore;
        if (rateFigure is not null && figures.TryGetValue(rateFigure, out var rate) && cpu > 0)
        {
            // Approximate: the tool's own start and warm-up are in the window; both run at the measured rate or idle.
            figures["perCpuSecond"] = rate * wall / cpu;
        }

        return new RunRecord(figures, 100 * cpu / wall, load);
    }

    public static string Describe(string id, int round, int runs, string proxy, RunRecord record) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[{id} {round}/{runs}] {proxy,-12} {string.Join(", ", record.Figures.Select(f => $"{f.Key} {f.Value:0.##}"))}; proxy CPU {record.CpuPercent:F0}%, load {record.LoadAverage:F1}");
}
