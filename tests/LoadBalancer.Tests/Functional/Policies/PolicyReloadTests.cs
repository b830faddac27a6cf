using System.Diagnostics;
using System.Net.Security;
using System.Security.Authentication;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;
using Xunit.Abstractions;
using static LoadBalancer.Tests.Support.TestScenario;

namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>A policy edit applies to new handshakes within seconds; a connection opened before keeps working as it was.</summary>
public sealed class PolicyReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Name = "www.example.com";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TestScenario _scenario = new();
    private RunningLoadBalancer _host = null!;
    private int _port;
    private int _backend;

    public async Task InitializeAsync()
    {
        _backend = _scenario.AddDemoBackend("web");
        _scenario.AddCertificate("cert-www", [Name]);
        _port = PortAllocator.Next();
        _scenario.Write(Config(policyId: null));
        _host = await RunningLoadBalancer.StartAsync(_scenario.ConfigPath);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _scenario.Dispose();
    }

    [Fact]
    public async Task ChangedPolicyIdAppliesToNewHandshakesWhileAnOpenConnectionKeepsItsTls12Session()
    {
        await using var open = await RawHttpsConnection.OpenAsync(_port, Name);
        Assert.Equal(SslProtocols.Tls12, open.Protocol); // the default policy, tls_cipher_policy_1_0, has no TLS 1.3
        Assert.NotNull(Openssl.Negotiated(await Openssl.ConnectAsync(_port, Name, "-tls1", "-cipher", "ALL:@SECLEVEL=0")));

        var clock = Stopwatch.StartNew();
        _scenario.Write(Config("tls_cipher_policy_1_2_strict_with_1_3"));
        await WaitForAsync(async () => await NewHandshakeProtocolAsync() == SslProtocols.Tls13);
        output.WriteLine($"TLS 1.3 offered {clock.ElapsedMilliseconds} ms after the edit");

        Assert.Null(Openssl.Negotiated(await Openssl.ConnectAsync(_port, Name, "-tls1", "-cipher", "ALL:@SECLEVEL=0")));
        Assert.Null(Openssl.Negotiated(await Openssl.ConnectAsync(_port, Name, "-tls1_2", "-cipher", "AES128-SHA")));
        var (status, body) = await open.GetAsync("/after");
        Assert.Equal(200, status);
        Assert.Equal("/after", EchoReply.Parse(body).Path);
        Assert.Equal(SslProtocols.Tls12, open.Protocol);
    }

    [Fact]
    public async Task EditedCustomPolicyUnderTheSameIdAppliesAndTheListenerIsLoggedAsChanged()
    {
        // Both reloads name the listener as changed: the first its SecurityPolicyId, the second only the policy's contents.
        _scenario.Write(Config("sp-edit", "ECDHE-ECDSA-AES256-GCM-SHA384"));
        await WaitForAsync(() => Task.FromResult(ReloadsNamingTheListenerChanged() == 1));
        Assert.Equal(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, await NewHandshakeCipherAsync());
        await using var open = await RawHttpsConnection.OpenAsync(_port, Name);

        _scenario.Write(Config("sp-edit", "ECDHE-ECDSA-AES128-SHA256"));
        await WaitForAsync(() => Task.FromResult(ReloadsNamingTheListenerChanged() == 2));

        Assert.Equal(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, await NewHandshakeCipherAsync());
        Assert.Equal(200, (await open.GetAsync("/still")).Status);
    }

    private int ReloadsNamingTheListenerChanged() => _host.Logs.Messages.Count(m =>
        m.StartsWith("Reloaded", StringComparison.Ordinal) && m.Contains("changed [\"lsn-https\"]", StringComparison.Ordinal));

    private LoadBalancerConfig Config(string? policyId, params string[] customCiphers)
    {
        var config = _scenario.Config([Group("sgp-web", (_backend, 100))], Https("lsn-https", _port, "cert-www", [], "sgp-web") with { SecurityPolicyId = policyId });
        return customCiphers.Length == 0 ? config : config with
        {
            SecurityPolicies = [new SecurityPolicyConfig { SecurityPolicyId = policyId, TLSVersions = ["TLSv1.2"], Ciphers = [.. customCiphers] }],
        };
    }

    private async Task<SslProtocols> NewHandshakeProtocolAsync()
    {
        await using var connection = await RawHttpsConnection.OpenAsync(_port, Name);
        return connection.Protocol;
    }

    private async Task<TlsCipherSuite?> NewHandshakeCipherAsync()
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, _port);
            await using var ssl = new SslStream(tcp.GetStream());
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = Name, RemoteCertificateValidationCallback = (_, _, _, _) => true });
            return ssl.NegotiatedCipherSuite;
        }
        catch (AuthenticationException)
        {
            return null;
        }
    }

    private static Task<bool> WaitForAsync(Func<Task<bool>> done) => Poll.UntilAsync(done, applied => applied, Deadline);
}
