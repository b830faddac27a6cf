namespace LoadBalancer.Certificates.Selection;

/// <summary>Why a certificate won (or ranked above the next candidate).</summary>
public enum SelectionCriterion
{
    /// <summary>It was the only certificate whose names match the SNI.</summary>
    OnlyCandidate,

    /// <summary>Its exact name beat certificates that match only through a wildcard.</summary>
    ExactOverWildcard,

    /// <summary>ECC was preferred over RSA because the client can verify ECDSA.</summary>
    EccPreferred,

    /// <summary>RSA was preferred over ECC because the client cannot verify ECDSA.</summary>
    RsaForClientWithoutEcdsa,

    /// <summary>A SHA-family signature beat an MD5 one.</summary>
    ShaOverMd5,

    /// <summary>A longer key of the same algorithm.</summary>
    LongerKey,

    /// <summary>A later expiry (longer remaining validity).</summary>
    LongerValidity,

    /// <summary>Everything else was equal: the earlier certificate on the listener (default first).</summary>
    FileOrder,

    /// <summary>No SNI was sent: the default certificate.</summary>
    DefaultNoSni,

    /// <summary>The SNI is not a DNS name (an IP literal, a trailing dot, bad characters): the default certificate.</summary>
    DefaultSniNotDnsName,

    /// <summary>No certificate's names match the SNI: the default certificate.</summary>
    DefaultNoMatch,
}
