using System.Net;
using System.Security.Cryptography;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional;

/// <summary>
/// HTTP/2 responses through the coalesced output path (many streams on one connection sent together): every stream
/// gets its own answer, large bodies arrive whole beside small ones, and a client that leaves mid-download costs
/// the listener nothing.
/// </summary>
public sealed class Http2OutputTests : IAsyncLifetime
{
    private const int LargeBytes = 4 * 1024 * 1024;
    private const int BlockBytes = 64 * 1024;
    private static readonly byte[] Block = Pattern(BlockBytes);

    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private WebApplication _bulk = null!;
    private int _https;

    public async Task InitializeAsync()
    {
        var echo = _scenario.AddDemoBackend("echo");
        var bulkPort = PortAllocator.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, bulkPort));
        _bulk = builder.Build();
        _bulk.MapGet("/bytes/{count:int}", async (int count, HttpContext context) =>
        {
            context.Response.ContentLength = count;
            for (var sent = 0; sent < count; sent += Block.Length)
            {
                await context.Response.Body.WriteAsync(Block.AsMemory(0, Math.Min(Block.Length, count - sent)), context.RequestAborted);
            }
        });
        await _bulk.StartAsync();

        _scenario.AddCertificate("cert-www", ["www.example.com", "bulk.example.com"]);
        _https = PortAllocator.Next();
        var https = Https("lsn-h2", _https, "cert-www", [], "sgp-echo", http2: true) with
        {
            Rules = [new RuleConfig { RuleId = "rule-bulk", Priority = 10, RuleConditions = [new RuleConditionConfig { Type = "Host", HostConfig = new ValuesConfig { Values = ["bulk.example.com"] } }], RuleActions = Forward("sgp-bulk") }],
        };
        _scenario.Write(_scenario.Config([Group("sgp-echo", (echo, 100)), Group("sgp-bulk", (bulkPort, 100))], https));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bulk.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task ManyStreamsOnOneConnectionEachGetTheirOwnAnswer()
    {
        using var client = Http2Client();

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await client.GetAsync(new Uri($"https://www.example.com:{_https}/stream/{i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version20, response.Version);
            return (i, (await EchoReply.ReadAsync(response)).Path);
        }));

        Assert.All(replies, r => Assert.Equal($"/stream/{r.i}", r.Path));
    }

    [Fact]
    public async Task LargeBodiesArriveWholeBesideSmallAnswersOnTheSameConnection()
    {
        using var client = Http2Client();
        var expected = SHA256.HashData(Pattern(LargeBytes));

        var downloads = Enumerable.Range(0, 3).Select(_ => client.GetByteArrayAsync(new Uri($"https://bulk.example.com:{_https}/bytes/{LargeBytes}"))).ToList();
        var small = Enumerable.Range(0, 30).Select(i => client.GetStringAsync(new Uri($"https://www.example.com:{_https}/small/{i}"))).ToList();

        foreach (var body in await Task.WhenAll(downloads))
        {
            Assert.Equal(LargeBytes, body.Length);
            Assert.Equal(expected, SHA256.HashData(body));
        }

        Assert.All(await Task.WhenAll(small), (body, i) => Assert.Equal($"/small/{i}", EchoReply.Parse(body).Path));
    }

    [Fact]
    public async Task AClientLeavingMidDownloadLeavesTheListenerServing()
    {
        using (var leaving = Http2Client())
        {
            using var response = await leaving.GetAsync(new Uri($"https://bulk.example.com:{_https}/bytes/{256 * 1024 * 1024}"), HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            Assert.Equal(buffer.Length, await body.ReadAtLeastAsync(buffer, buffer.Length));
        }

        using var client = Http2Client();
        using var next = await client.GetAsync(new Uri($"https://www.example.com:{_https}/after"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("/after", (await EchoReply.ReadAsync(next)).Path);
    }

    private HttpClient Http2Client()
    {
        var client = Clients.Http(_scenario.Root.Certificate, maxConnections: 1);
        client.DefaultRequestVersion = HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return client;
    }

    /// <summary>The bulk backend's body: the same 64 KiB block over and over.</summary>
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % BlockBytes * 7 % 251);
        }

        return bytes;
    }
}
