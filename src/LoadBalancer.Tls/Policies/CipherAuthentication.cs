namespace LoadBalancer.Tls.Policies;

/// <summary>Which server certificate a cipher suite can be used with.</summary>
public enum CipherAuthentication
{
    /// <summary>An RSA certificate (ECDHE-RSA and static RSA suites).</summary>
    Rsa,

    /// <summary>An ECDSA certificate (ECDHE-ECDSA suites).</summary>
    Ecdsa,

    /// <summary>Either: TLS 1.3 suites leave the certificate to the signature algorithms.</summary>
    Any,

    /// <summary>An SM2 signing and encryption pair (TLCP).</summary>
    Sm2,
}
