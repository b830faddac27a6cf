namespace LoadBalancer.Tlcp;

/// <summary>Alert descriptions (TLS 1.1 values, as GB/T 38636 uses them).</summary>
#pragma warning disable CA1028 // one byte on the wire
public enum TlcpAlert : byte
#pragma warning restore CA1028
{
    CloseNotify = 0,
    UnexpectedMessage = 10,
    BadRecordMac = 20,
    RecordOverflow = 22,
    HandshakeFailure = 40,
    BadCertificate = 42,
    UnsupportedCertificate = 43,
    CertificateExpired = 45,
    CertificateUnknown = 46,
    IllegalParameter = 47,
    UnknownCa = 48,
    DecodeError = 50,
    DecryptError = 51,
    ProtocolVersion = 70,
    InsufficientSecurity = 71,
    InternalError = 80,
    UserCanceled = 90,
    NoRenegotiation = 100,
}
