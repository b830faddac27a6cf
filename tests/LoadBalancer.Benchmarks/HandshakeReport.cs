using System.Globalization;

namespace LoadBalancer.Benchmarks;

/// <summary>The table the <c>handshakes</c> mode ends with; ratios are to the first (smallest) certificate count.</summary>
internal static class HandshakeReport
{
    public static void Print(IReadOnlyList<HandshakeRun> runs, TextWriter output)
    {
        var baseline = runs[0];
        output.WriteLine();
        output.WriteLine($"full TLS 1.3 handshakes, ECDSA P-256, server and clients sharing {Environment.ProcessorCount} cores");
        output.WriteLine("| certificates | start-up s | cold handshakes/s | ratio | warm handshakes/s | ratio | contexts made in s |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Certificates} | {run.Startup.Total.TotalSeconds:F2} | {run.Cold.PerSecond:F0} | {run.Cold.PerSecond / baseline.Cold.PerSecond:F3} | {run.Warm.PerSecond:F0} | {run.Warm.PerSecond / baseline.Warm.PerSecond:F3} | {run.Warming.TotalSeconds:F2} |"));
        }

        output.WriteLine();
        output.WriteLine("start-up breakdown:");
        foreach (var run in runs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.Certificates}: {run.Startup}"));
        }
    }
}
