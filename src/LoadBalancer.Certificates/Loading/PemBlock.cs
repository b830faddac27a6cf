namespace LoadBalancer.Certificates.Loading;

/// <summary>One decoded PEM block: its label (for example <c>CERTIFICATE</c>) and its DER bytes.</summary>
internal sealed record PemBlock(string Label, byte[] Data);
