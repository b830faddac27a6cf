using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>The server's choices from a ClientHello: the suite (server preference) and the credentials.</summary>
internal static class Negotiation
{
    public static TlcpCipherSuite ChooseSuite(TlcpServerOptions options, IReadOnlyList<ushort> offered)
    {
        foreach (var suite in options.CipherSuites)
        {
            var usable = !TlcpCipherSuites.IsEcdhe(suite) || options.ClientCertificateAuthorities.Count > 0;
            if (usable && offered.Contains((ushort)suite))
            {
                return suite;
            }
        }

        throw new TlcpException(TlcpAlert.HandshakeFailure,
            $"no common cipher suite: the client offered {string.Join(' ', offered.Select(s => s.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    public static TlcpServerCredentials ChooseCredentials(TlcpServerOptions options, TlcpClientHelloInfo hello)
    {
        var credentials = options.CredentialsSelector is { } selector ? selector(hello) : options.Credentials;
        return credentials ?? throw new TlcpException(TlcpAlert.HandshakeFailure,
            $"no SM2 certificate for server name '{hello.ServerName ?? "(none)"}'");
    }

    /// <summary>Whether to send a CertificateRequest: always for ECDHE, on ECC suites only when configured.</summary>
    public static ClientAuthentication? ClientAuthentication(TlcpServerOptions options, TlcpCipherSuite suite)
    {
        var ecdhe = TlcpCipherSuites.IsEcdhe(suite);
        if (!ecdhe && !(options.RequireClientCertificateOnEccSuites && options.ClientCertificateAuthorities.Count > 0))
        {
            return null;
        }

        return new ClientAuthentication(options.ClientCertificateAuthorities, NeedEncryption: ecdhe, options.TimeProvider.GetUtcNow().UtcDateTime);
    }
}
