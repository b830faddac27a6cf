using System.Diagnostics;
using System.Net;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>Forwarding through YARP: rules, weights, dead and empty groups, and ALB's forwarding headers.</summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private System.Net.Sockets.TcpListener _silent = null!;
    private HttpClient _client = null!;
    private int _https;
    private int _http;
    private int _bare;
    private int _impatient;

    public async Task InitializeAsync()
    {
        var web = _scenario.AddDemoBackend("web");
        var api = _scenario.AddDemoBackend("api");
        var v1 = _scenario.AddDemoBackend("v1");
        var heavy = _scenario.AddDemoBackend("heavy");
        var light = _scenario.AddDemoBackend("light");
        var idle = _scenario.AddDemoBackend("idle");
        _scenario.AddCertificate("cert-www", ["www.example.com", "api.example.com", "weights.example.com", "dead.example.com", "drained.example.com", "silent.example.com"]);
        _https = PortAllocator.Next();
        _http = PortAllocator.Next();
        _bare = PortAllocator.Next();
        var deadPort = PortAllocator.Next();
        // Accepts connections (the kernel completes them) but never answers.
        _silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, PortAllocator.Next());
        _silent.Start();
        var silentPort = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var allHeaders = new XForwardedForConfig
        {
            XForwardedForEnabled = true,
            XForwardedForProtoEnabled = true,
            XForwardedForSLBPortEnabled = true,
            XForwardedForSLBIdEnabled = true,
            XForwardedForClientSrcPortEnabled = true,
        };
        var https = Https("lsn-https", _https, "cert-www", [], "sgp-web") with
        {
            XForwardedForConfig = allHeaders,
            Rules =
            [
                Rule("rule-late-catch-all", 50, host: "*.example.com", path: "/v1/*", group: "sgp-web"),
                Rule("rule-v1", 20, host: null, path: "/v1/*", group: "sgp-v1"),
                Rule("rule-api", 10, host: "api.example.com", path: null, group: "sgp-api"),
                Rule("rule-weights", 30, host: "weights.example.com", path: null, group: "sgp-weighted"),
                Rule("rule-dead", 31, host: "dead.example.com", path: null, group: "sgp-dead"),
                Rule("rule-drained", 32, host: "drained.example.com", path: null, group: "sgp-drained"),
            ],
        };
        var http = Http("lsn-http", _http, "sgp-web") with { XForwardedForConfig = allHeaders };
        var bare = Http("lsn-bare", _bare, "sgp-web") with { XForwardedForConfig = new XForwardedForConfig { XForwardedForEnabled = false } };
        _impatient = PortAllocator.Next();
        var impatient = Http("lsn-impatient", _impatient, "sgp-silent") with { RequestTimeout = 1 };
        _scenario.Write(_scenario.Config(
            [
                Group("sgp-web", (web, 100)),
                Group("sgp-api", (api, 100)),
                Group("sgp-v1", (v1, 100)),
                Group("sgp-weighted", (heavy, 75), (light, 25), (idle, 0)),
                Group("sgp-dead", (deadPort, 100)),
                Group("sgp-drained", (web, 0)),
                Group("sgp-silent", (silentPort, 100)),
            ],
            https, http, bare, impatient));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
        _client = Clients.Http(_scenario.Root.Certificate);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _silent.Stop();
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Theory]
    [InlineData("www.example.com", "/", "web")]
    [InlineData("api.example.com", "/users", "api")]
    [InlineData("api.example.com", "/v1/users", "api")]
    [InlineData("www.example.com", "/v1/users", "v1")]
    [InlineData("www.example.com", "/v2/users", "web")]
    public async Task RulesSendEachHostAndPathToItsGroupByPriority(string host, string path, string backend)
    {
        var reply = await GetAsync($"https://{host}:{_https}{path}");

        Assert.Equal(backend, reply.Backend);
        Assert.Equal(path, reply.Path);
    }

    [Fact]
    public async Task BackendGetsAlbForwardingHeadersAndNeverTheClientsCopies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://www.example.com:{_https}/headers");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "gopher");
        request.Headers.Add("X-Forwarded-Port", "1");
        request.Headers.Add("SLB-ID", "spoofed");
        request.Headers.Add("X-Forwarded-Client-srcport", "1");
        request.Headers.Add("X_Forwarded_Proto", "gopher");
        request.Headers.Add("slb_id", "spoofed");

        using var response = await _client.SendAsync(request);
        var reply = await EchoReply.ReadAsync(response);

        Assert.DoesNotContain(reply.Headers, h => h.Value is "gopher" or "spoofed" or "1");
        Assert.DoesNotContain(reply.Headers.Keys, k => k.Contains('_', StringComparison.Ordinal));

        Assert.Equal("203.0.113.9, 127.0.0.1", reply.Header("X-Forwarded-For"));
        Assert.Equal("https", reply.Header("X-Forwarded-Proto"));
        Assert.Equal(_https.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Header("X-Forwarded-Port"));
        Assert.Equal("alb-test", reply.Header("SLB-ID"));
        var sourcePort = int.Parse(reply.Header("X-Forwarded-Client-srcport")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sourcePort, 1024, 65535);
        Assert.Equal($"www.example.com:{_https}", reply.Header("Host"));
    }

    [Fact]
    public async Task PlainHttpListenerSaysHttpInXForwardedProto()
    {
        var reply = await GetAsync($"http://www.example.com:{_http}/plain");

        Assert.Equal("http", reply.Header("X-Forwarded-Proto"));
        Assert.Equal("127.0.0.1", reply.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task SwitchedOffHeadersAreNotSentAndClientCopiesAreDropped()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://www.example.com:{_bare}/bare");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("SLB-ID", "spoofed");

        using var response = await _client.SendAsync(request);
        var reply = await EchoReply.ReadAsync(response);

        Assert.Null(reply.Header("X-Forwarded-For"));
        Assert.Null(reply.Header("SLB-ID"));
        Assert.Null(reply.Header("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task WeightsShareRequestsInProportionAndWeightZeroTakesNone()
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 40; i++)
        {
            var reply = await GetAsync($"https://weights.example.com:{_https}/");
            counts[reply.Backend] = counts.GetValueOrDefault(reply.Backend) + 1;
        }

        Assert.Equal(30, counts.GetValueOrDefault("heavy"));
        Assert.Equal(10, counts.GetValueOrDefault("light"));
        Assert.False(counts.ContainsKey("idle"));
    }

    [Fact]
    public async Task DeadBackendGives502Quickly()
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(new Uri($"https://dead.example.com:{_https}/"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("sgp-dead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestsRunWithoutAspNetCoresPerRequestActivityOrLogScope()
    {
        // Neither is used (no tracing, no per-request line); both cost allocations on every request. What a request
        // logs (a failed forward) still names everything itself.
        using var response = await _client.GetAsync(new Uri($"https://dead.example.com:{_https}/no-trace"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var failed = await _host.Logs.WaitForAsync(e => e.RenderMessage(null).Contains("/no-trace", StringComparison.Ordinal));
        Assert.Null(failed.TraceId);
        Assert.False(failed.Properties.ContainsKey("RequestId"), string.Join(", ", failed.Properties.Keys));
        Assert.Equal("sgp-dead", CapturedLogs.Property(failed, "ServerGroupId"));
    }

    [Fact]
    public async Task BackendSilentForTheRequestTimeoutGives504()
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(new Uri($"http://silent.example.com:{_impatient}/"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GroupWhoseServersAllHaveWeightZeroGives503()
    {
        using var response = await _client.GetAsync(new Uri($"https://drained.example.com:{_https}/"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task CurlReachesTheBackendOverHttp2TrustingOnlyTheRoot()
    {
        var result = await ProcessRunner.RunAsync("curl",
        [
            "-sS", "--http2", "--cacert", _scenario.RootFile,
            "--resolve", $"www.example.com:{_https}:127.0.0.1",
            "-w", "\n%{http_version} %{http_code}", $"https://www.example.com:{_https}/from-curl",
        ]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.TrimEnd().Split('\n');
        Assert.Equal("2 200", lines[^1]);
        Assert.Equal("/from-curl", EchoReply.Parse(string.Join('\n', lines[..^1])).Path);
    }

    private async Task<EchoReply> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EchoReply.ReadAsync(response);
    }

    private static RuleConfig Rule(string id, int priority, string? host, string? path, string group)
    {
        var conditions = new List<RuleConditionConfig>();
        if (host is not null)
        {
            conditions.Add(new RuleConditionConfig { Type = "Host", HostConfig = new ValuesConfig { Values = [host] } });
        }

        if (path is not null)
        {
            conditions.Add(new RuleConditionConfig { Type = "Path", PathConfig = new ValuesConfig { Values = [path] } });
        }

        return new RuleConfig { RuleId = id, Priority = priority, RuleConditions = conditions, RuleActions = Forward(group) };
    }
}
