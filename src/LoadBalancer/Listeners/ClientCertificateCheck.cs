using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Certificates.ClientAuth;

namespace LoadBalancer.Listeners;

/// <summary>
/// The handshake's client-certificate check for a listener with <c>CaEnabled</c>: the listener's policy (its CA,
/// CRLs, built once per snapshot) decides, and a refusal's reason is kept with the stream so the connection log can
/// say which check failed. Returning false makes the TLS stack send the client an alert.
/// </summary>
internal sealed class ClientCertificateCheck(ClientCertificatePolicy policy)
{
    private static readonly ConditionalWeakTable<SslStream, string> Refusals = new();

    public ClientCertificatePolicy Policy { get; } = policy;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        _ = errors;
        var presented = certificate is null ? null : certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        // The chain was built by SslStream with the policy's chain policy (the CA entry as the only anchors).
        var verdict = Policy.Verify(presented, chain);
        if (!verdict.Accepted && sender is SslStream stream)
        {
            Refusals.AddOrUpdate(stream, verdict.Reason);
        }

        return verdict.Accepted;
    }

    /// <summary>Why the client certificate on this stream was refused, if it was.</summary>
    public static string? RefusalOf(SslStream stream) => Refusals.TryGetValue(stream, out var reason) ? reason : null;
}
