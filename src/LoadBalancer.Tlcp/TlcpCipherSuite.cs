namespace LoadBalancer.Tlcp;

/// <summary>The TLCP cipher suites this engine speaks (GB/T 38636-2020), by their wire ids.</summary>
#pragma warning disable CA1028 // the wire id is a uint16
public enum TlcpCipherSuite : ushort
#pragma warning restore CA1028
{
    /// <summary>ECC_SM4_CBC_SM3: SM2 encryption of the premaster to the server's encryption certificate.</summary>
    EccSm4CbcSm3 = 0xE013,

    /// <summary>ECC_SM4_GCM_SM3.</summary>
    EccSm4GcmSm3 = 0xE053,

    /// <summary>ECDHE_SM4_CBC_SM3: SM2 key exchange; needs the client's signing and encryption certificates.</summary>
    EcdheSm4CbcSm3 = 0xE011,

    /// <summary>ECDHE_SM4_GCM_SM3; needs the client's signing and encryption certificates.</summary>
    EcdheSm4GcmSm3 = 0xE051,
}
