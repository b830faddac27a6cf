using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using LoadBalancer.Listeners;

namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// Handshakes take the fast path: the policy is set inside OpenSSL on each connection (so .NET reuses one OpenSSL
/// context per certificate), and what the client gets is still exactly the policy's.
/// </summary>
[Collection(ExternalScannerCollection.Name)]
public sealed class PolicyInOpenSslTests(PolicyListeners listeners) : IClassFixture<PolicyListeners>
{
    [Theory]
    [InlineData("tls_cipher_policy_1_2_strict", SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)]
    [InlineData("tls_cipher_policy_1_2_strict_with_1_3", SslProtocols.Tls13, TlsCipherSuite.TLS_AES_128_GCM_SHA256)]
    public async Task EveryHandshakeGetsThePolicyInsideOpenSslAndTheHookStaysOn(string policyId, SslProtocols version, TlsCipherSuite expected)
    {
        var before = OpenSslPolicyHook.AppliedCount;

        for (var i = 0; i < 5; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", listeners.HttpsPorts[policyId]);
            await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = PolicyListeners.ServerName, EnabledSslProtocols = version });
            Assert.Equal(expected, tls.NegotiatedCipherSuite);
        }

        Assert.True(OpenSslPolicyHook.IsActive, $"the hook switched itself off: {OpenSslPolicyHook.Failure}");
        Assert.True(OpenSslPolicyHook.AppliedCount - before >= 5, $"policy set inside OpenSSL on {OpenSslPolicyHook.AppliedCount - before} of 5 handshakes");
    }
}
