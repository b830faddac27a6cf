namespace LoadBalancer.Certificates.Loading;

/// <summary>An unencrypted private key as found in a PEM file, not yet imported.</summary>
internal sealed record PrivateKeyData(KeyKind Kind, string AlgorithmName, string Label, byte[] Der)
{
    public bool IsPkcs8 => Label == PrivateKeyFileReader.Pkcs8Label;
}
