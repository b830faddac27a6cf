using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Forwarding;

/// <summary>
/// ALB's client-certificate headers for one listener, built once per configuration snapshot: which of the four are on,
/// under which name (the <c>…Alias</c> when given, else the default), and every name a client must not send.
/// </summary>
/// <remarks>
/// Values sent to the backend, when the connection carries a client certificate:
/// <list type="bullet">
/// <item><c>X-Forwarded-Clientcert-subjectdn</c>: the subject distinguished name in .NET's string form
/// (<see cref="X500DistinguishedName.Name"/>): the most specific RDN first, RDNs separated by <c>", "</c>, values
/// holding special characters in double quotes, e.g. <c>CN=dev-client, O=Example</c>. Characters outside printable
/// ASCII are written as RFC 4514 hex pairs of their UTF-8 bytes (<c>é</c> becomes <c>\C3\A9</c>), as nginx does.</item>
/// <item><c>X-Forwarded-Clientcert-issuerdn</c>: the issuer distinguished name, in the same form.</item>
/// <item><c>X-Forwarded-Clientcert-fingerprint</c>: the SHA-1 hash of the DER-encoded certificate, 40 lowercase hex
/// digits without separators (as nginx's <c>$ssl_client_fingerprint</c>).</item>
/// <item><c>X-Forwarded-Clientcert-clientverify</c>: the verification result word, <c>SUCCESS</c> for a certificate
/// that passed verification.</item>
/// </list>
/// No header is added when there is no client certificate. Copies sent by the client, under the default names and
/// under every alias, are removed whether the switches are on or off.
/// </remarks>
internal sealed class ClientCertificateHeaders
{
    private readonly string? _subjectDn;
    private readonly string? _issuerDn;
    private readonly string? _fingerprint;
    private readonly string? _clientVerify;

    public ClientCertificateHeaders(XForwardedForConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _subjectDn = EnabledName(config, ClientCertificateHeaderField.SubjectDN);
        _issuerDn = EnabledName(config, ClientCertificateHeaderField.IssuerDN);
        _fingerprint = EnabledName(config, ClientCertificateHeaderField.Fingerprint);
        _clientVerify = EnabledName(config, ClientCertificateHeaderField.ClientVerify);
        AllNames = ClientCertificateHeaderField.All
            .SelectMany(h => new[] { h.DefaultName, h.Alias(config) })
            .OfType<string>()
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>Every header name this listener strips from client requests: the four defaults and any aliases, on or off.</summary>
    public IReadOnlyList<string> AllNames { get; }

    /// <summary>Removes <see cref="AllNames"/> from the request, then adds the enabled headers when a client certificate is present.</summary>
    public void Apply(HttpRequestHeaders headers, X509Certificate2? clientCertificate, string verifyResult)
    {
        ArgumentNullException.ThrowIfNull(headers);
        for (var i = 0; i < AllNames.Count; i++)
        {
            headers.Remove(AllNames[i]);
        }

        if (clientCertificate is not null)
        {
            AddValues(headers, clientCertificate, verifyResult);
        }
    }

    private void AddValues(HttpRequestHeaders headers, X509Certificate2 certificate, string verifyResult)
    {
        if (_subjectDn is not null)
        {
            headers.TryAddWithoutValidation(_subjectDn, DistinguishedName(certificate.SubjectName));
        }

        if (_issuerDn is not null)
        {
            headers.TryAddWithoutValidation(_issuerDn, DistinguishedName(certificate.IssuerName));
        }

        if (_fingerprint is not null)
        {
            headers.TryAddWithoutValidation(_fingerprint, Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA1)));
        }

        if (_clientVerify is not null && !string.IsNullOrEmpty(verifyResult))
        {
            headers.TryAddWithoutValidation(_clientVerify, verifyResult);
        }
    }

    private static string? EnabledName(XForwardedForConfig config, ClientCertificateHeaderField header) =>
        header.IsEnabled(config) ? header.NameIn(config) : null;

    /// <summary>The DN as .NET formats it, with everything outside printable ASCII escaped as <c>\XX</c> per UTF-8 byte.</summary>
    internal static string DistinguishedName(X500DistinguishedName name)
    {
        var text = name.Name;
        return text.All(IsPrintableAscii) ? text : Escape(text);
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && IsPrintableAscii((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('\\').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
