using System.Text;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// nginx (the Debian package, its stream module loaded for TCPSSL) as its own master with 2 workers: one
/// <c>server</c> block per certificate on the HTTPS port (the first is the default), HTTP/2 on, a keep-alive pool
/// to the backend; a <c>stream</c> server ending TLS in front of the echo backend.
/// </summary>
internal sealed class NginxProxy : IProxy
{
    public const string StreamModule = "/usr/lib/nginx/modules/ngx_stream_module.so";

    public string Name => "nginx";

    public async Task<ChildProcess> StartAsync(ProxySetup setup)
    {
        var config = Path.Combine(setup.Directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(setup));
        var nginx = ChildProcess.Start(Name, "nginx", ["-c", config, "-p", setup.Directory, "-e", "stderr"], Path.Combine(setup.Directory, "nginx.log"));
        var limit = TimeSpan.FromSeconds(60 + setup.Leaves.Count / 100);
        await nginx.WaitForPortAsync(setup.HttpsPort, limit);
        if (setup.TcpSslPort != 0)
        {
            await nginx.WaitForPortAsync(setup.TcpSslPort, limit);
        }

        return nginx;
    }

    /// <summary>The HTTP backend as nginx serves it: a fixed body of <paramref name="bodyBytes"/> bytes.</summary>
    public static string BackendConfig(string directory, int port, int bodyBytes) => $$"""
        user root;
        worker_processes {{ProxySetup.Workers}};
        pid {{directory}}/backend.pid;
        daemon off;
        error_log stderr warn;
        worker_rlimit_nofile {{ProxySetup.FileLimit}};
        events { worker_connections 16384; }
        http {
            access_log off;
            keepalive_requests 1000000;
            keepalive_timeout 300s;
            client_body_temp_path {{directory}}/backend-body;
            server {
                listen 127.0.0.1:{{port}} backlog=4096;
                location / { default_type text/plain; return 200 "{{new string('x', bodyBytes)}}"; }
            }
        }

        """;

    private static string Config(ProxySetup setup)
    {
        var servers = new StringBuilder();
        for (var i = 0; i < setup.Leaves.Count; i++)
        {
            var leaf = setup.Leaves[i];
            servers.Append("        server { listen 127.0.0.1:").Append(setup.HttpsPort)
                .Append(i == 0 ? " ssl http2 default_server backlog=4096; " : " ssl http2; ")
                .Append("server_name ").Append(leaf.Name).Append("; ssl_certificate ").Append(leaf.Certificate)
                .Append("; ssl_certificate_key ").Append(leaf.Key).Append("; location / { proxy_pass http://backend; } }\n");
        }

        var stream = setup.TcpSslPort == 0 ? "" : $$"""
            stream {
                ssl_protocols TLSv1.3;
                ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256;
                ssl_session_tickets off;
                ssl_session_cache off;
                server {
                    listen 127.0.0.1:{{setup.TcpSslPort}} ssl backlog=4096;
                    ssl_certificate {{setup.Leaves[0].Certificate}};
                    ssl_certificate_key {{setup.Leaves[0].Key}};
                    proxy_pass 127.0.0.1:{{setup.EchoPort}};
                    proxy_timeout {{ProxySetup.IdleSeconds}}s;
                }
            }
            """;
        return $$"""
            load_module {{StreamModule}};
            user root;
            worker_processes {{ProxySetup.Workers}};
            pid {{setup.Directory}}/nginx.pid;
            daemon off;
            error_log stderr warn;
            worker_rlimit_nofile {{ProxySetup.FileLimit}};
            events { worker_connections 32768; }
            http {
                access_log off;
                client_body_temp_path {{setup.Directory}}/nginx-body;
                proxy_temp_path {{setup.Directory}}/nginx-proxy;
                server_names_hash_max_size 65536;
                server_names_hash_bucket_size 128;
                keepalive_timeout {{ProxySetup.IdleSeconds}}s;
                keepalive_requests 1000000;
                ssl_protocols TLSv1.3;
                ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256;
                ssl_session_tickets off;
                ssl_session_cache off;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;
                upstream backend { server 127.0.0.1:{{setup.HttpBackendPort}}; keepalive 64; }
            {{servers}}
            }
            {{stream}}

            """;
    }
}
