using System.Net;
using LoadBalancer.Certificates;
using LoadBalancer.Configuration;
using LoadBalancer.Forwarding;
using LoadBalancer.Listeners;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Hosting;

/// <summary>
/// Everything derived from one version of the listener file, immutable. Built and validated off to the side, then
/// swapped in with one reference assignment; a connection reads it once, when it is accepted.
/// </summary>
internal sealed class RuntimeSnapshot
{
    public required long Version { get; init; }

    public required ConfigFile File { get; init; }

    public required CertificateStore Certificates { get; init; }

    public required IReadOnlyDictionary<string, ListenerRuntime> Listeners { get; init; }

    /// <summary>The TCP listeners (HTTP, HTTPS, TCP, TCPSSL) by the endpoint they bind.</summary>
    public required IReadOnlyDictionary<IPEndPoint, ListenerRuntime> ListenersByEndpoint { get; init; }

    /// <summary>The QUIC listeners by the UDP endpoint they bind (a TCP listener may bind the same address and port).</summary>
    public required IReadOnlyDictionary<IPEndPoint, ListenerRuntime> QuicListenersByEndpoint { get; init; }

    public required IReadOnlyDictionary<string, ServerGroupRuntime> ServerGroups { get; init; }

    /// <summary>Every system and custom security policy, resolved (a listener's own is on its <see cref="ListenerRuntime"/>).</summary>
    public required IReadOnlyDictionary<string, SecurityPolicy> SecurityPolicies { get; init; }

    public required IReadOnlyList<ConfigError> Warnings { get; init; }

    /// <summary>Every file the snapshot was read from (the listener file, certificates, keys, CAs), for the reload watcher.</summary>
    public required IReadOnlyList<string> SourceFiles { get; init; }
}
