using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// A program the comparison starts: a proxy, a backend or a load generator, each its own process. Its output goes
/// to a log file in the run's folder; <see cref="DisposeAsync"/> kills it and everything it started.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _lastLines = new();

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public string Name { get; private init; } = "";

    public static ChildProcess Start(string name, string file, IEnumerable<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var child = new ChildProcess(process, log) { Name = name };
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                await Task.Delay(200);
                string last;
                lock (_log)
                {
                    last = string.Join('\n', _lastLines);
                }

                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before listening on {port}:\n{last}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"{Name} did not listen on port {port} within {limit.TotalSeconds:F0} s");
    }

    /// <summary>Closes the child's standard input (the client's "idle" mode ends on that).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            _process.Dispose();
            lock (_log)
            {
                _log.Dispose();
            }
        }
    }

    /// <summary>What a program run to its end printed, and its exit code.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs a program to its end with its standard input closed; both outputs are appended to the log. Throws when
    /// it exits with an error and <paramref name="requireSuccess"/> is set.
    /// </summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string logFile, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null, bool requireSuccess = true)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds:F0} s");
        }

        var result = new Result(process.ExitCode, await output, await error);
        await File.AppendAllTextAsync(logFile, $"$ {file} {string.Join(' ', start.ArgumentList)}\n{result.Output}{result.Error}\n");
        if (requireSuccess && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with code {result.ExitCode}: {result.Error.Trim()}");
        }

        return result;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }

            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }

        Output?.Invoke(line);
    }

    /// <summary>Each line the child writes (both streams), as it comes.</summary>
    public event Action<string>? Output;
}
