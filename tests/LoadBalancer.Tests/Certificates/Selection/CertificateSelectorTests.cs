using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates.Selection;

public sealed class CertificateSelectorTests(SelectorFixture certs) : IClassFixture<SelectorFixture>
{
    private static readonly string[] Www = ["www.example.com"];
    private static readonly string[] Wildcard = ["*.example.com"];

    [Fact]
    public void PrefersExactMatchOverWildcard()
    {
        var fallback = certs.Make("default", ["fallback.test"]);
        var wildcard = certs.Make("wild", Wildcard, LeafKey.EcP384);
        var exact = certs.Make("exact", Www);
        var selector = CertificateSelector.Create(fallback, [wildcard, exact]);

        var chosen = selector.Select("www.example.com", clientSupportsEcdsa: true);

        Assert.Same(exact, chosen.Certificate);
        Assert.Equal(SelectionCriterion.ExactOverWildcard, chosen.Criterion);
        Assert.Same(wildcard, selector.Select("api.example.com", true).Certificate);
    }

    [Theory]
    [InlineData("a.example.com", true)]
    [InlineData("A.EXAMPLE.COM", true)]
    [InlineData("example.com", false)]
    [InlineData("a.b.example.com", false)]
    [InlineData("aexample.com", false)]
    public void WildcardCoversExactlyOneLabel(string serverName, bool covered)
    {
        var fallback = certs.Make("default", ["fallback.test"]);
        var wildcard = certs.Make("wild", Wildcard);
        var selector = CertificateSelector.Create(fallback, [wildcard]);

        var chosen = selector.Select(serverName, true);

        Assert.Same(covered ? wildcard : fallback, chosen.Certificate);
        Assert.Equal(covered ? SelectionCriterion.OnlyCandidate : SelectionCriterion.DefaultNoMatch, chosen.Criterion);
    }

    [Fact]
    public void MatchesNamesCaseInsensitively()
    {
        var fallback = certs.Make("default", ["fallback.test"]);
        var exact = certs.Make("exact", ["WWW.Example.COM"]);
        var selector = CertificateSelector.Create(fallback, [exact]);

        Assert.Same(exact, selector.Select("www.EXAMPLE.com", true).Certificate);
    }

    [Fact]
    public void PrefersEccForClientsThatCanUseEcdsaAndRsaForOthers()
    {
        var rsa = certs.Make("rsa", Www, LeafKey.Rsa(2048));
        var ecc = certs.Make("ecc", Www);
        var selector = CertificateSelector.Create(rsa, [ecc]);

        var ecdsaClient = selector.Select("www.example.com", clientSupportsEcdsa: true);
        var rsaClient = selector.Select("www.example.com", clientSupportsEcdsa: false);

        Assert.Same(ecc, ecdsaClient.Certificate);
        Assert.Equal(SelectionCriterion.EccPreferred, ecdsaClient.Criterion);
        Assert.Same(rsa, rsaClient.Certificate);
        Assert.Equal(SelectionCriterion.RsaForClientWithoutEcdsa, rsaClient.Criterion);
    }

    [Fact]
    public void PrefersShaSignatureOverMd5()
    {
        var md5 = certs.Make("md5", Www, LeafKey.Rsa(2048), md5: true);
        var sha = certs.Make("sha", Www, LeafKey.Rsa(2048));
        var selector = CertificateSelector.Create(md5, [sha]);

        var chosen = selector.Select("www.example.com", true);

        Assert.True(md5.Facts.Md5Signed);
        Assert.Same(sha, chosen.Certificate);
        Assert.Equal(SelectionCriterion.ShaOverMd5, chosen.Criterion);
    }

    [Fact]
    public void ShaOverMd5OutranksKeyLength()
    {
        var longMd5 = certs.Make("md5-3072", Www, LeafKey.Rsa(3072), md5: true);
        var shortSha = certs.Make("sha-2048", Www, LeafKey.Rsa(2048));
        var selector = CertificateSelector.Create(longMd5, [shortSha]);

        Assert.Same(shortSha, selector.Select("www.example.com", false).Certificate);
    }

    [Fact]
    public void PrefersLongerKeyOfTheSameAlgorithm()
    {
        var p256 = certs.Make("p256", Www, LeafKey.EcP256);
        var p384 = certs.Make("p384", Www, LeafKey.EcP384);
        var selector = CertificateSelector.Create(p256, [p384]);

        var chosen = selector.Select("www.example.com", true);

        Assert.Same(p384, chosen.Certificate);
        Assert.Equal(SelectionCriterion.LongerKey, chosen.Criterion);
    }

    [Fact]
    public void KeyLengthOutranksValidity()
    {
        var longKeySoonExpiring = certs.Make("p384-soon", Www, LeafKey.EcP384, notAfter: DateTimeOffset.UtcNow.AddDays(10));
        var shortKeyLongLived = certs.Make("p256-late", Www, LeafKey.EcP256, notAfter: DateTimeOffset.UtcNow.AddDays(700));
        var selector = CertificateSelector.Create(shortKeyLongLived, [longKeySoonExpiring]);

        Assert.Same(longKeySoonExpiring, selector.Select("www.example.com", true).Certificate);
    }

    [Fact]
    public void PrefersLongerRemainingValidity()
    {
        var soon = certs.Make("soon", Www, notAfter: DateTimeOffset.UtcNow.AddDays(30));
        var late = certs.Make("late", Www, notAfter: DateTimeOffset.UtcNow.AddDays(300));
        var selector = CertificateSelector.Create(soon, [late]);

        var chosen = selector.Select("www.example.com", true);

        Assert.Same(late, chosen.Certificate);
        Assert.Equal(SelectionCriterion.LongerValidity, chosen.Criterion);
    }

    [Fact]
    public void FallsBackToListenerOrderWhenEverythingElseTies()
    {
        var notAfter = DateTimeOffset.UtcNow.AddDays(100);
        var first = certs.Make("first", ["fallback.test"], notAfter: notAfter);
        var second = certs.Make("second", Www, notAfter: notAfter);
        var third = certs.Make("third", Www, notAfter: notAfter);
        var selector = CertificateSelector.Create(first, [second, third]);

        var chosen = selector.Select("www.example.com", true);

        Assert.Same(second, chosen.Certificate);
        Assert.Equal(SelectionCriterion.FileOrder, chosen.Criterion);
        Assert.Same(third, CertificateSelector.Create(first, [third, second]).Select("www.example.com", true).Certificate);
    }

    [Fact]
    public void EccPreferenceOutranksSignatureKeyAndValidity()
    {
        var strongRsa = certs.Make("rsa", Www, LeafKey.Rsa(3072), notAfter: DateTimeOffset.UtcNow.AddDays(800));
        var ecc = certs.Make("ecc", Www, LeafKey.EcP256, notAfter: DateTimeOffset.UtcNow.AddDays(20));
        var selector = CertificateSelector.Create(strongRsa, [ecc]);

        Assert.Same(ecc, selector.Select("www.example.com", true).Certificate);
    }

    [Theory]
    [InlineData(null, SelectionCriterion.DefaultNoSni)]
    [InlineData("", SelectionCriterion.DefaultNoSni)]
    [InlineData("127.0.0.1", SelectionCriterion.DefaultSniNotDnsName)]
    [InlineData("::1", SelectionCriterion.DefaultSniNotDnsName)]
    [InlineData("www.example.com.", SelectionCriterion.DefaultSniNotDnsName)]
    [InlineData("www..example.com", SelectionCriterion.DefaultSniNotDnsName)]
    [InlineData("bad name.example.com", SelectionCriterion.DefaultSniNotDnsName)]
    [InlineData("other.test", SelectionCriterion.DefaultNoMatch)]
    public void ServesTheDefaultWhenTheSniCannotChoose(string? serverName, SelectionCriterion expected)
    {
        var fallback = certs.Make("default", ["fallback.test"]);
        var www = certs.Make("www", ["www.example.com", "127.0.0.1"]);
        var selector = CertificateSelector.Create(fallback, [www]);

        var chosen = selector.Select(serverName, true);

        Assert.Same(fallback, chosen.Certificate);
        Assert.Equal(expected, chosen.Criterion);
    }

    [Theory]
    [InlineData("1234", true)]
    [InlineData("10.1", true)]
    [InlineData("a-b_c.example", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("[::1]", false)]
    [InlineData("www.example.com.", false)]
    public void NumericNamesAreDnsNamesButIpLiteralsAreNot(string name, bool dns) =>
        Assert.Equal(dns, ServerNames.IsDnsName(name));

    [Fact]
    public void DefaultCertificateCompetesLikeAnyOtherWhenItsNamesMatch()
    {
        var defaultRsa = certs.Make("default-rsa", Www, LeafKey.Rsa(2048));
        var additionalEcc = certs.Make("ecc", Www);
        var selector = CertificateSelector.Create(defaultRsa, [additionalEcc]);

        Assert.Same(additionalEcc, selector.Select("www.example.com", true).Certificate);
        Assert.Same(defaultRsa, selector.Select("www.example.com", false).Certificate);
    }

    [Fact]
    public void ExplainListsExactCandidatesThenWildcardOnesWithWhatSeparatedThem()
    {
        var rsa = certs.Make("rsa", Www, LeafKey.Rsa(2048));
        var ecc = certs.Make("ecc", Www);
        var wild = certs.Make("wild", Wildcard);
        var selector = CertificateSelector.Create(rsa, [ecc, wild]);

        var lines = selector.Explain("www.example.com", clientSupportsEcdsa: true);

        Assert.Equal(["ecc", "rsa", "wild"], lines.Select(l => l.Certificate.Id));
        Assert.Equal([false, false, true], lines.Select(l => l.Wildcard));
        Assert.Equal(SelectionCriterion.EccPreferred, lines[0].AboveNextBecause);
        Assert.Equal(SelectionCriterion.ExactOverWildcard, lines[1].AboveNextBecause);
        Assert.Null(lines[2].AboveNextBecause);
    }
}
