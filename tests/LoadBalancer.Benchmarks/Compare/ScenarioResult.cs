namespace LoadBalancer.Benchmarks.Compare;

/// <summary>One measurement of one proxy: its figures by name, the proxy's CPU use meanwhile and the machine's load.</summary>
internal sealed record RunRecord(Dictionary<string, double> Figures, double CpuPercent, double LoadAverage);

/// <summary>Every run of one scenario, per proxy, and the median, minimum and maximum of each figure.</summary>
internal sealed class ScenarioResult(string id, string title)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public Dictionary<string, List<RunRecord>> Runs { get; } = [];

    public void Add(string proxy, RunRecord record)
    {
        if (!Runs.TryGetValue(proxy, out var runs))
        {
            Runs[proxy] = runs = [];
        }

        runs.Add(record);
    }

    public double? Median(string proxy, string figure) => Values(proxy, figure) is { Length: > 0 } values ? values[values.Length / 2] : null;

    /// <summary>(max - min) / median of a figure over the runs, or null with fewer than two runs.</summary>
    public double? Spread(string proxy, string figure) =>
        Values(proxy, figure) is { Length: > 1 } values && values[values.Length / 2] != 0 ? (values[^1] - values[0]) / values[values.Length / 2] : null;

    private double[] Values(string proxy, string figure) => Runs.TryGetValue(proxy, out var runs)
        ? [.. runs.Where(r => r.Figures.ContainsKey(figure) && !double.IsNaN(r.Figures[figure])).Select(r => r.Figures[figure]).Order()]
        : [];
}
