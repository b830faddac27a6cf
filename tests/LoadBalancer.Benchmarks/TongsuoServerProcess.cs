using System.Diagnostics;
using System.Net.Sockets;

namespace LoadBalancer.Benchmarks;

/// <summary>Tongsuo's <c>s_server -enable_ntls</c> with an SM2 dual certificate, for the tlcp mode's comparison.</summary>
internal sealed class TongsuoServerProcess : IDisposable
{
    private readonly Process _process;

    private TongsuoServerProcess(Process process) => _process = process;

    /// <summary>Starts s_server in <paramref name="directory"/> (its files, and what <c>-WWW</c> serves) with any <paramref name="extra"/> options.</summary>
    public static async Task<TongsuoServerProcess> StartAsync(string openssl, string directory, int port, string cipher, params string[] extra)
    {
        var start = new ProcessStartInfo(openssl,
        [
            "s_server", "-enable_ntls", "-accept", $"127.0.0.1:{port}", "-quiet", "-naccept", "1000000", "-cipher", cipher,
            "-sign_cert", Path.Combine(directory, "server_sign.crt"), "-sign_key", Path.Combine(directory, "server_sign.key"),
            "-enc_cert", Path.Combine(directory, "server_enc.crt"), "-enc_key", Path.Combine(directory, "server_enc.key"),
            .. extra,
        ])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        var directoryOfLibraries = Path.GetDirectoryName(openssl)!;
        start.Environment["LD_LIBRARY_PATH"] = Path.GetFullPath(Path.Combine(directoryOfLibraries, ".."));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {openssl}");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return new TongsuoServerProcess(process);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException("Tongsuo s_server did not start listening");
    }

    /// <summary>CPU time (user + system) the s_server process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
