using System.Diagnostics;

namespace LoadBalancer.Benchmarks;

/// <summary>Named steps of start-up and how long each took, in order.</summary>
internal sealed class StartupTimings
{
    private readonly List<(string Step, TimeSpan Elapsed)> _steps = [];

    public IReadOnlyList<(string Step, TimeSpan Elapsed)> Steps => _steps;

    public TimeSpan Total => _steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);

    public T Time<T>(string step, Func<T> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        _steps.Add((step, Stopwatch.GetElapsedTime(started)));
        return result;
    }

    public async Task TimeAsync(string step, Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        _steps.Add((step, Stopwatch.GetElapsedTime(started)));
    }

    public override string ToString() => string.Join(", ", _steps.Select(s => $"{s.Step} {s.Elapsed.TotalSeconds:F2} s"));
}
