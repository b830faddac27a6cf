using LoadBalancer.Tls.ClientHello;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Tests.Tls.Policies;

public sealed class SecurityPolicyTests
{
    private const ushort Tls10 = 0x0301;
    private const ushort Tls12 = 0x0303;
    private const ushort EcdheEcdsaAes128Gcm = 0xC02B;
    private const ushort EcdheEcdsaAes256Gcm = 0xC02C;
    private const ushort EcdheEcdsaAes128Sha = 0xC009;
    private const ushort EcdheRsaAes128Gcm = 0xC02F;
    private const ushort EcdsaP256Sha256 = 0x0403;
    private const ushort RsaPssSha256 = 0x0804;

    [Fact]
    public void OffersTheListedCiphersInOrderExceptWhatTheBuildLacksAndTheSmSuites()
    {
        var policy = Resolve(new("sp", ["TLSv1.0", "TLSv1.3"], ["TLS_AES_128_CCM_8_SHA256", "DES-CBC3-SHA", "ECC-SM2-WITH-SM4-SM3", "AES256-SHA", "ECDHE-ECDSA-AES128-SHA"]));

        Assert.Equal(["TLS_AES_128_CCM_8_SHA256", "AES256-SHA", "ECDHE-ECDSA-AES128-SHA"], policy.TlsCiphers.Select(c => c.Name));
        Assert.Equal(["DES-CBC3-SHA"], policy.Unavailable.Select(c => c.Name));
        Assert.Equal(["ECC-SM2-SM4-CBC-SM3"], policy.TlcpCiphers.Select(c => c.Name));
        Assert.Equal(5, policy.Ciphers.Count);
        Assert.Equal(TlsVersions.Tls10 | TlsVersions.Tls13, policy.OfferedVersions);
        Assert.Equal(["TLSv1.0", "TLSv1.3"], policy.VersionNames);
    }

    [Fact]
    public void AVersionWhoseOnlyCipherTheBuildLacksIsNotOffered()
    {
        var policy = Resolve(new("sp", ["TLSv1.0", "TLSv1.2"], ["DES-CBC3-SHA", "AES128-GCM-SHA256"]));

        Assert.Equal(TlsVersions.Tls10 | TlsVersions.Tls12, policy.ChosenVersions);
        Assert.Equal(TlsVersions.Tls12, policy.OfferedVersions);
    }

    [Fact]
    public void SystemPoliciesAreTheProductsTable()
    {
        var strict = Resolve(SystemPolicy("tls_cipher_policy_1_2_strict"));
        var with13 = Resolve(SystemPolicy("tls_cipher_policy_1_2_strict_with_1_3"));
        var legacy = Resolve(SystemPolicy(SystemSecurityPolicies.DefaultId));

        Assert.Equal(12, strict.TlsCiphers.Count);
        Assert.Equal(TlsVersions.Tls12, strict.OfferedVersions);
        Assert.Equal(17, with13.TlsCiphers.Count);
        Assert.Equal("TLS_AES_128_CCM_8_SHA256", with13.TlsCiphers[^1].Name);
        Assert.Equal(TlsVersions.Tls10To12, legacy.OfferedVersions);
        Assert.Equal(18, legacy.TlsCiphers.Count);
        Assert.True(SystemSecurityPolicies.TryFind("TLS_CIPHER_POLICY_1_2", out var upper) && upper.Id == "tls_cipher_policy_1_2");
    }

    [Fact]
    public void CertificateKindsFollowTheOfferedSuitesAndTls13ServesBoth()
    {
        var ecdsaOnly = Resolve(new("sp", ["TLSv1.2"], ["ECDHE-ECDSA-AES128-GCM-SHA256"]));
        var rsaOnly = Resolve(new("sp", ["TLSv1.2"], ["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"]));
        var ecdsaAndTls13 = Resolve(new("sp", ["TLSv1.2", "TLSv1.3"], ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"]));

        Assert.True(ecdsaOnly.ServesEcdsaCertificates);
        Assert.False(ecdsaOnly.ServesRsaCertificates);
        Assert.False(rsaOnly.ServesEcdsaCertificates);
        Assert.True(rsaOnly.ServesRsaCertificates);
        Assert.True(ecdsaAndTls13.ServesRsaCertificates);
    }

    [Fact]
    public void ClientWhoseEcdsaSuitesThePolicyDoesNotOfferCannotUseEcdsaUnderIt()
    {
        var policy = Resolve(new("sp", ["TLSv1.2"], ["ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]));
        var hello = Hello([Tls12], [EcdheEcdsaAes128Gcm, EcdheRsaAes128Gcm], [EcdsaP256Sha256, RsaPssSha256]);

        Assert.True(hello.SupportsEcdsa);
        Assert.False(policy.ClientCanUseEcdsa(hello));
        Assert.True(policy.ClientCanUseEcdsa(Hello([Tls12], [EcdheEcdsaAes256Gcm, EcdheRsaAes128Gcm], [EcdsaP256Sha256])));
    }

    [Fact]
    public void Tls13ClientWithEcdsaSchemesCannotUseEcdsaUnderARsaOnlyTls12Policy()
    {
        var rsaOnly = Resolve(new("sp", ["TLSv1.2"], ["ECDHE-RSA-AES128-GCM-SHA256"]));
        var with13 = Resolve(new("sp", ["TLSv1.2", "TLSv1.3"], ["ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"]));
        var hello = Hello([0x0304, Tls12], [0x1301, EcdheEcdsaAes128Gcm, EcdheRsaAes128Gcm], [EcdsaP256Sha256, RsaPssSha256]);

        Assert.False(rsaOnly.ClientCanUseEcdsa(hello));
        Assert.True(with13.ClientCanUseEcdsa(hello));
    }

    [Fact]
    public void TheVersionBothAgreeOnDecidesWhichSuitesCount()
    {
        // TLS 1.0 only: ECDHE-ECDSA-AES128-GCM-SHA256 is a TLS 1.2 suite, ECDHE-ECDSA-AES128-SHA works under TLS 1.0.
        var policy = Resolve(new("sp", ["TLSv1.0"], ["ECDHE-ECDSA-AES128-SHA", "AES128-SHA"]));
        var modern = Resolve(new("sp", ["TLSv1.0", "TLSv1.2"], ["ECDHE-ECDSA-AES128-GCM-SHA256", "AES128-SHA"]));
        var legacyClient = Hello([], [EcdheEcdsaAes128Sha, 0x002F], null, legacyVersion: Tls10);
        var tls12Client = Hello([], [EcdheEcdsaAes128Gcm, 0x002F], [EcdsaP256Sha256]);

        Assert.True(policy.ClientCanUseEcdsa(legacyClient));
        Assert.False(modern.ClientCanUseEcdsa(legacyClient));
        Assert.True(modern.ClientCanUseEcdsa(tls12Client));
        Assert.Equal(TlsVersions.Tls10, modern.AgreedVersion(legacyClient));
        Assert.Equal(TlsVersions.Tls12, modern.AgreedVersion(tls12Client));
        Assert.Equal(TlsVersions.None, Resolve(new("sp", ["TLSv1.3"], ["TLS_AES_128_GCM_SHA256"])).AgreedVersion(tls12Client));
    }

    private static SecurityPolicy Resolve(SecurityPolicyDefinition definition) =>
        SecurityPolicy.Create(definition, isSystem: false, c => c.Name != "DES-CBC3-SHA" && !c.IsTlcp);

    private static SecurityPolicyDefinition SystemPolicy(string id) => SystemSecurityPolicies.All.Single(p => p.Id == id);

    private static ClientHelloInfo Hello(ushort[] supportedVersions, ushort[] suites, ushort[]? signatureAlgorithms, ushort legacyVersion = Tls12) =>
        new(0x0301, legacyVersion, supportedVersions, suites, signatureAlgorithms, [0x001D], "www.example.com", [], 200);
}
