using LoadBalancer.Benchmarks.Compare;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// HAProxy (the Debian package) ending TLS 1.3 (TLS_AES_128_GCM_SHA256 only) on 127.0.0.1:port with the given
/// certificate and key, passing the plain stream to the backend port; its configuration, the combined PEM and its log
/// are written into the benchmark's temporary folder. Runs in the foreground (<c>-db</c>) as a child, killed on dispose.
/// </summary>
internal static class HaProxyProcess
{
    public static async Task<ChildProcess> StartAsync(string directory, (string Certificate, string Key) leaf, int port, int backendPort)
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
        var haproxy = ChildProcess.Start("haproxy", "haproxy", ["-f", config, "-db"], Path.Combine(directory, "haproxy.log"));
        try
        {
            await haproxy.WaitForPortAsync(port, TimeSpan.FromSeconds(5));
        }
        catch
        {
            await haproxy.DisposeAsync();
            throw;
        }

        return haproxy;
    }
}
