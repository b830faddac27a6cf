using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// HAProxy (the Debian package) ending TLS 1.3 (TLS_AES_128_GCM_SHA256 only) on 127.0.0.1:port with the given
/// certificate and key, passing the plain stream to the backend port; its configuration and the combined PEM are
/// written into the benchmark's temporary folder. Runs in the foreground (<c>-db</c>) as a child and is killed on
/// dispose.
/// </summary>
internal sealed class HaProxyProcess : IDisposable
{
    private readonly Process _process;

    private HaProxyProcess(Process process) => _process = process;

    public static async Task<HaProxyProcess> StartAsync(string directory, (string Certificate, string Key) leaf, int port, int backendPort)
    {
        var pem = Path.Combine(directory, "haproxy.pem");
        File.WriteAllText(pem, File.ReadAllText(leaf.Certificate).TrimEnd() + "\n" + File.ReadAllText(leaf.Key).TrimEnd() + "\n");
        var config = Path.Combine(directory, "haproxy.cfg");
        File.WriteAllText(config, $"""
            global
                nbthread 2
                ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256
                ssl-default-bind-options ssl-min-ver TLSv1.3
            defaults
                mode tcp
                timeout connect 5s
                timeout client 30s
                timeout server 30s
            frontend f
                bind 127.0.0.1:{port} ssl crt {pem}
                default_backend b
            backend b
                server s1 127.0.0.1:{backendPort}

            """);
        var start = new ProcessStartInfo("haproxy", ["-f", config, "-db"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start");
        var haproxy = new HaProxyProcess(process);
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitForPortAsync(process, port);
        }
        catch
        {
            haproxy.Dispose();
            throw;
        }

        return haproxy;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task WaitForPortAsync(Process process, int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with code {process.ExitCode}");
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

        throw new TimeoutException($"haproxy did not listen on port {port} within 5 s");
    }

    private static void Log(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("haproxy: " + line);
        }
    }
}
