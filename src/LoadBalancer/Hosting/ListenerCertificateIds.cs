using LoadBalancer.Certificates;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Hosting;

/// <summary>A TLS listener's certificates as it names them: ALB as { CertificateId } objects, NLB as plain ids.</summary>
internal static class ListenerCertificateIds
{
    /// <summary>The default certificate first, then the additional ones in their order.</summary>
    public static IReadOnlyList<string> Of(ListenerConfig listener) => listener.ListenerProtocol == "TCPSSL"
        ? [.. listener.CertificateIds ?? [], .. listener.AdditionalCertificateIds ?? []]
        : [.. (listener.Certificates ?? []).Concat(listener.AdditionalCertificates ?? []).Select(c => c.CertificateId!)];

    /// <summary>The RSA/ECC ones in that order (SM2 certificates are TLCP's): the first is the default for standard TLS.</summary>
    public static IReadOnlyList<ServerCertificate> Standard(ListenerConfig listener, CertificateStore certificates) =>
        [.. Of(listener).Where(certificates.ById.ContainsKey).Select(id => certificates.ById[id])];
}
