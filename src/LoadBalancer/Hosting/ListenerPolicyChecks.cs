using LoadBalancer.Certificates;
using LoadBalancer.Configuration;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Hosting;

/// <summary>
/// What only the loaded certificates and this machine's TLS stack can tell about a listener's security policy: that
/// standard TLS has something left to offer, and that its certificates can serve the policy's ciphers (with an
/// ECDSA-only policy an RSA certificate never completes a handshake, and the other way round). A QUIC listener runs
/// TLS 1.3 only, which serves RSA and ECC alike; what matters there is which of the policy's TLS 1.3 suites msquic
/// can offer.
/// </summary>
internal static class ListenerPolicyChecks
{
    public static IEnumerable<ConfigError> Check(LoadBalancerConfig config, SecurityPolicySet policies, CertificateStore certificates)
    {
        foreach (var policy in policies.Policies.Values.Where(p => !p.IsSystem))
        {
            foreach (var problem in VersionsLostOnThisBuild(policy))
            {
                yield return problem;
            }
        }

        foreach (var instance in config.LoadBalancers)
        {
            foreach (var listener in instance.Listeners.Where(l => l.ListenerProtocol is "HTTPS" or "TCPSSL"))
            {
                var resource = $"Listener '{listener.ListenerId}' (LoadBalancer '{instance.LoadBalancerId}')";
                foreach (var problem in CheckListener(resource, listener, policies.For(listener).Policy, certificates))
                {
                    yield return problem;
                }
            }

            foreach (var listener in instance.Listeners.Where(l => l.ListenerProtocol == "QUIC"))
            {
                var resource = $"Listener '{listener.ListenerId}' (LoadBalancer '{instance.LoadBalancerId}')";
                foreach (var problem in CheckQuic(resource, QuicTlsOptions.Create(policies.For(listener).Policy)))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>Whether a handshake under the policy can use a certificate of this key algorithm.</summary>
    public static bool Serves(SecurityPolicy policy, ServerCertificate certificate) => certificate.Facts.Algorithm switch
    {
        CertificateKeyAlgorithm.Rsa => policy.ServesRsaCertificates,
        CertificateKeyAlgorithm.Ecdsa => policy.ServesEcdsaCertificates,
        _ => true,
    };

    /// <summary>Only the RSA/ECC certificates matter: a listener with only SM2 ones serves TLCP, not standard TLS.</summary>
    private static IEnumerable<ConfigError> CheckListener(string resource, ListenerConfig listener, SecurityPolicy policy, CertificateStore certificates)
    {
        var standard = ListenerCertificateIds.Standard(listener, certificates);
        if (standard.Count == 0)
        {
            yield break;
        }

        if (policy.OfferedVersions == TlsVersions.None)
        {
            yield return new ConfigError(resource, "SecurityPolicyId", $"security policy '{policy.Id}' leaves standard TLS nothing to offer: {WhyNothing(policy)}");
            yield break;
        }

        for (var i = 0; i < standard.Count; i++)
        {
            var certificate = standard[i];
            if (Serves(policy, certificate))
            {
                continue;
            }

            var offered = certificate.Facts.Algorithm == CertificateKeyAlgorithm.Rsa ? "ECDHE-ECDSA" : "ECDHE-RSA and static RSA";
            var fact = $"security policy '{policy.Id}' offers only {offered} suites and no TLS 1.3, so certificate '{certificate.Id}' ({certificate.Facts.AlgorithmName}) can never complete a handshake";
            yield return i == 0
                ? new ConfigError(resource, "SecurityPolicyId", $"{fact}, and it is the default certificate: choose a default certificate the policy can serve, or another policy")
                : new ConfigError(resource, "SecurityPolicyId", $"{fact}: it is never chosen (remove it or change the policy)", ConfigSeverity.Warning);
        }
    }

    /// <summary>
    /// QUIC offers the policy's TLS 1.3 suites among AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 (no CCM in
    /// msquic); a policy without TLS 1.3 suites leaves those three, since QUIC has no older version to fall back to.
    /// </summary>
    private static IEnumerable<ConfigError> CheckQuic(string resource, QuicTlsOptions quic)
    {
        var dropped = string.Join(", ", quic.Dropped);
        if (quic.LeavesNothing)
        {
            yield return new ConfigError(resource, "SecurityPolicyId",
                $"security policy '{quic.Policy.Id}' lists only TLS 1.3 suites QUIC cannot offer ({dropped}): add TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384 or TLS_CHACHA20_POLY1305_SHA256, or choose another policy");
        }
        else if (quic.Dropped.Count > 0)
        {
            yield return new ConfigError(resource, "SecurityPolicyId",
                $"security policy '{quic.Policy.Id}' lists {dropped}, which QUIC does not offer (msquic has no CCM suites): this listener offers {string.Join(", ", quic.Suites)}",
                ConfigSeverity.Warning);
        }
    }

    private static string WhyNothing(SecurityPolicy policy)
    {
        if (policy.Unavailable.Count > 0)
        {
            return $"{string.Join(", ", policy.Unavailable)} {(policy.Unavailable.Count == 1 ? "is" : "are")} unavailable on this build ({TlsStack.Name}); add ciphers it has";
        }

        return policy.TlcpCiphers.Count > 0
            ? "its only ciphers are SM suites, which serve TLCP clients of SM2 certificates, yet the listener has RSA/ECC certificates for standard TLS clients; add TLS ciphers"
            : "no listed cipher works under its TLSVersions";
    }

    /// <summary>A chosen version whose only ciphers this build lacks is not offered (validation warned of versions with no cipher at all).</summary>
    private static IEnumerable<ConfigError> VersionsLostOnThisBuild(SecurityPolicy policy)
    {
        foreach (var version in TlsVersionNames.EachVersion)
        {
            var listed = policy.Ciphers.Where(c => c.WorksUnder(version)).ToList();
            if (policy.ChosenVersions.HasFlag(version) && !policy.OfferedVersions.HasFlag(version) && listed.Count > 0)
            {
                var name = TlsVersionNames.Of(version)[0];
                yield return new ConfigError($"SecurityPolicy '{policy.Id}'", "TLSVersions",
                    $"{name} is not offered: its only {(listed.Count == 1 ? "cipher" : "ciphers")} ({string.Join(", ", listed)}) {(listed.Count == 1 ? "is" : "are")} unavailable on this build ({TlsStack.Name})",
                    ConfigSeverity.Warning);
            }
        }
    }
}
