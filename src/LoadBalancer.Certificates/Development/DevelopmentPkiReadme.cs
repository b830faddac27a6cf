namespace LoadBalancer.Certificates.Development;

internal static class DevelopmentPkiReadme
{
    public const string Text = """
        These are DEVELOPMENT certificates made by `LoadBalancer certs init`.
        Never use them in production: the keys sit unprotected next to the certificates.

        ca.crt / ca.key                      LoadBalancer Development Root CA (ECDSA P-384)
        intermediate.crt / intermediate.key  LoadBalancer Development Intermediate CA (ECDSA P-256), signed by the root
        www-rsa.crt / www-rsa.key            RSA 2048 server certificate (leaf, then intermediate)
        www-ecc.crt / www-ecc.key            ECDSA P-256 server certificate (leaf, then intermediate)
        client-ca.crt / client-ca.key        LoadBalancer Development Client CA (for mutual TLS)
        client.crt / client.key              client certificate CN=dev-client, signed by the client CA

        The server certificates are valid for localhost, www.example.com, api.example.com,
        demo.example.com, 127.0.0.1 and ::1.

        Trust the root CA for one request with curl:
            curl --cacert ca.crt https://localhost:8443/
            curl --cacert ca.crt --resolve www.example.com:8443:127.0.0.1 https://www.example.com:8443/
        With a client certificate (when the listener has CaEnabled):
            curl --cacert ca.crt --cert client.crt --key client.key https://localhost:8443/

        Files that exist are kept; delete a pair (.crt and .key) and run `LoadBalancer certs init` again to remake it.

        """;
}
