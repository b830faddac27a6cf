namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// HAProxy (the Debian package) with 2 threads: an HTTP-mode frontend ending TLS (h2 and http/1.1 by ALPN) with
/// every certificate from a crt-list (the first line is the default), a keep-alive backend; a TCP-mode frontend
/// ending TLS in front of the echo backend.
/// </summary>
internal sealed class HaProxyProxy : IProxy
{
    public string Name => "HAProxy";

    public async Task<ChildProcess> StartAsync(ProxySetup setup)
    {
        var list = Path.Combine(setup.Directory, "haproxy.crt-list");
        await File.WriteAllLinesAsync(list, setup.Leaves.Select(l => l.Combined));
        var config = Path.Combine(setup.Directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, Config(setup, list));
        var haproxy = ChildProcess.Start(Name, "haproxy", ["-f", config, "-db"], Path.Combine(setup.Directory, "haproxy.log"));
        var limit = TimeSpan.FromSeconds(60 + setup.Leaves.Count / 100);
        await haproxy.WaitForPortAsync(setup.HttpsPort, limit);
        if (setup.TcpSslPort != 0)
        {
            await haproxy.WaitForPortAsync(setup.TcpSslPort, limit);
        }

        return haproxy;
    }

    private static string Config(ProxySetup setup, string crtList)
    {
        var tcp = setup.TcpSslPort == 0 ? "" : $"""
            frontend tcpssl
                mode tcp
                bind 127.0.0.1:{setup.TcpSslPort} ssl crt {setup.Leaves[0].Combined}
                default_backend echo
            backend echo
                mode tcp
                server echo 127.0.0.1:{setup.EchoPort}
            """;
        return $"""
            global
                nbthread {ProxySetup.Workers}
                maxconn {ProxySetup.MaxConnections}
                ulimit-n {ProxySetup.FileLimit}
                tune.ssl.cachesize 0
                ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256
                ssl-default-bind-options ssl-min-ver TLSv1.3 no-tls-tickets
            defaults
                mode http
                maxconn {ProxySetup.MaxConnections}
                timeout connect 5s
                timeout client {ProxySetup.IdleSeconds}s
                timeout server 60s
                timeout http-keep-alive {ProxySetup.IdleSeconds}s
                timeout http-request 60s
            frontend https
                bind 127.0.0.1:{setup.HttpsPort} ssl crt-list {crtList} alpn h2,http/1.1
                option forwardfor
                http-request set-header X-Forwarded-Proto https
                default_backend web
            backend web
                http-reuse always
                server web 127.0.0.1:{setup.HttpBackendPort}
            {tcp}

            """;
    }
}
