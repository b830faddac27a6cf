namespace LoadBalancer.Tls.ClientHello;

/// <summary>The extensions of one ClientHello that the reader keeps, filled while they are parsed.</summary>
internal struct ExtensionValues
{
    public ushort[]? SupportedVersions;
    public ushort[]? SignatureAlgorithms;
    public ushort[]? SupportedGroups;
    public string? ServerName;
    public string[]? ApplicationProtocols;
    public bool ServerNameSeen;
}
