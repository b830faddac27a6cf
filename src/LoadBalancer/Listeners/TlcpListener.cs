using System.Collections.Concurrent;
using LoadBalancer.Certificates.Sm2;
using LoadBalancer.Tlcp;

namespace LoadBalancer.Listeners;

/// <summary>
/// The TLCP side of an HTTPS listener that holds SM2 certificates, as one snapshot serves it: which SM2 certificate
/// a TLCP client gets (the same rules as RSA/ECC ones) and the SM suites of the listener's security policy, in the
/// policy's order. Server options are made once per certificate and shared by every handshake of the snapshot.
/// </summary>
internal sealed class TlcpListener(Sm2CertificateSelector selector, IReadOnlyList<TlcpCipherSuite> suites)
{
    private readonly ConcurrentDictionary<Sm2Certificate, TlcpServerOptions> _options = new();

    public Sm2CertificateSelector Selector { get; } = selector;

    public IReadOnlyList<TlcpCipherSuite> Suites { get; } = suites;

    public TlcpServerOptions OptionsFor(Sm2Certificate certificate) =>
        _options.GetOrAdd(certificate, c => new TlcpServerOptions { Credentials = c.Credentials, CipherSuites = Suites });

    /// <summary>The policy's SM suites in its order; ECDHE ones need client certificates from an SM2 CA, so not here.</summary>
    public static IReadOnlyList<TlcpCipherSuite> SuitesOf(IEnumerable<string> policyCiphers)
    {
        var suites = new List<TlcpCipherSuite>();
        foreach (var name in policyCiphers)
        {
            if (TlcpCipherSuites.TryParse(name, out var suite) && !TlcpCipherSuites.IsEcdhe(suite) && !suites.Contains(suite))
            {
                suites.Add(suite);
            }
        }

        return suites;
    }
}
