using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Forwarding;

namespace LoadBalancer.Tests.Forwarding;

public sealed class ClientCertificateHeadersTests : IDisposable
{
    private const string Subject = "X-Forwarded-Clientcert-subjectdn";
    private const string Issuer = "X-Forwarded-Clientcert-issuerdn";
    private const string Fingerprint = "X-Forwarded-Clientcert-fingerprint";
    private const string Verify = "X-Forwarded-Clientcert-clientverify";

    private static readonly XForwardedForConfig s_allOn = new()
    {
        XForwardedForClientCertSubjectDNEnabled = true,
        XForwardedForClientCertIssuerDNEnabled = true,
        XForwardedForClientCertFingerprintEnabled = true,
        XForwardedForClientCertClientVerifyEnabled = true,
    };

    private readonly X509Certificate2 _certificate = IssueClientCertificate("CN=dev-client, O=Example", "CN=Dev Client CA, O=Example");

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public void SubjectAndIssuerAreSentAsDotNetFormatsTheDistinguishedName()
    {
        var headers = Apply(s_allOn, _certificate);

        Assert.Equal("CN=dev-client, O=Example", Single(headers, Subject));
        Assert.Equal("CN=Dev Client CA, O=Example", Single(headers, Issuer));
    }

    [Fact]
    public void DistinguishedNamesListTheMostSpecificRdnFirstAsRfc4514Does()
    {
        var encodedOrder = _certificate.SubjectName.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => r.GetSingleElementValue()).ToList();

        Assert.Equal(["Example", "dev-client"], encodedOrder);
        Assert.StartsWith("CN=dev-client", Single(Apply(s_allOn, _certificate), Subject), StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintIsTheLowercaseHexSha1OfTheDerCertificate()
    {
        var expected = Convert.ToHexString(SHA1.HashData(_certificate.RawData)).ToLowerInvariant();

        var value = Single(Apply(s_allOn, _certificate), Fingerprint);

        Assert.Equal(expected, value);
        Assert.Matches("^[0-9a-f]{40}$", value);
    }

    [Fact]
    public void ClientVerifyIsTheGivenResultWord()
    {
        Assert.Equal("SUCCESS", Single(Apply(s_allOn, _certificate), Verify));
    }

    [Fact]
    public void CharactersOutsidePrintableAsciiAreEscapedAsUtf8HexPairs()
    {
        using var certificate = IssueClientCertificate("CN=Zoë, O=Example", "CN=Dev Client CA, O=Example");

        Assert.Equal(@"CN=Zo\C3\AB, O=Example", Single(Apply(s_allOn, certificate), Subject));
    }

    [Fact]
    public void AliasesRenameTheHeaders()
    {
        var config = s_allOn with
        {
            XForwardedForClientCertSubjectDNAlias = "x-subject",
            XForwardedForClientCertIssuerDNAlias = "x-issuer",
            XForwardedForClientCertFingerprintAlias = "x-fp",
            XForwardedForClientCertClientVerifyAlias = "x-verify",
        };

        var headers = Apply(config, _certificate);

        Assert.Equal("CN=dev-client, O=Example", Single(headers, "x-subject"));
        Assert.Equal("CN=Dev Client CA, O=Example", Single(headers, "x-issuer"));
        Assert.Matches("^[0-9a-f]{40}$", Single(headers, "x-fp"));
        Assert.Equal("SUCCESS", Single(headers, "x-verify"));
        Assert.All(new[] { Subject, Issuer, Fingerprint, Verify }, name => Assert.False(headers.Contains(name)));
    }

    [Fact]
    public void DisabledHeadersAreNotSent()
    {
        var config = new XForwardedForConfig { XForwardedForClientCertFingerprintEnabled = true, XForwardedForClientCertSubjectDNAlias = "x-subject" };

        var headers = Apply(config, _certificate);

        Assert.True(headers.Contains(Fingerprint));
        Assert.All(new[] { Subject, "x-subject", Issuer, Verify }, name => Assert.False(headers.Contains(name)));
    }

    [Fact]
    public void ClientCopiesAreRemovedEvenWhenTheSwitchesAreOff()
    {
        var config = new XForwardedForConfig { XForwardedForClientCertIssuerDNAlias = "x-issuer", XForwardedForClientCertClientVerifyAlias = "x-verify" };
        var headers = Spoofed(Subject, Issuer, Fingerprint, Verify, "x-issuer", "X-Verify", "x-unrelated");

        new ClientCertificateHeaders(config).Apply(headers, _certificate, "SUCCESS");

        Assert.Equal(["x-unrelated"], headers.Select(h => h.Key));
    }

    [Fact]
    public void ClientCopiesAreReplacedByTheRealValues()
    {
        var headers = Spoofed(Subject, Verify);

        new ClientCertificateHeaders(s_allOn).Apply(headers, _certificate, "SUCCESS");

        Assert.Equal("CN=dev-client, O=Example", Single(headers, Subject));
        Assert.Equal("SUCCESS", Single(headers, Verify));
    }

    [Fact]
    public void NothingIsAddedWithoutACertificateButClientCopiesAreStillRemoved()
    {
        var headers = Spoofed(Subject, Fingerprint, "x-unrelated");

        new ClientCertificateHeaders(s_allOn).Apply(headers, null, "SUCCESS");

        Assert.Equal(["x-unrelated"], headers.Select(h => h.Key));
    }

    [Fact]
    public void AllNamesHoldsTheDefaultsAndEveryAliasWhetherOnOrOff()
    {
        var config = new XForwardedForConfig { XForwardedForClientCertSubjectDNAlias = "x-subject", XForwardedForClientCertFingerprintAlias = "x-fp" };

        var names = new ClientCertificateHeaders(config).AllNames;

        Assert.Equal([Subject, "x-subject", Issuer, Fingerprint, "x-fp", Verify], names);
    }

    [Fact]
    public void AnAliasEqualToItsDefaultIsListedOnce()
    {
        var config = new XForwardedForConfig { XForwardedForClientCertSubjectDNAlias = Subject.ToLowerInvariant() };

        Assert.Equal(4, new ClientCertificateHeaders(config).AllNames.Count);
    }

    private static HttpRequestHeaders Apply(XForwardedForConfig config, X509Certificate2 certificate)
    {
        var headers = Spoofed();
        new ClientCertificateHeaders(config).Apply(headers, certificate, "SUCCESS");
        return headers;
    }

    private static HttpRequestHeaders Spoofed(params string[] names)
    {
        using var request = new HttpRequestMessage();
        foreach (var name in names)
        {
            request.Headers.TryAddWithoutValidation(name, "spoofed");
        }

        return request.Headers;
    }

    private static string Single(HttpRequestHeaders headers, string name) =>
        Assert.Single(headers.GetValues(name));

    private static X509Certificate2 IssueClientCertificate(string subject, string issuer)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest(new X500DistinguishedName(issuer), caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), [1, 2, 3, 4]);
    }
}
