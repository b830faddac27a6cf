namespace LoadBalancer.Tls.Policies;

/// <summary>The product's version names (<c>TLSv1.0</c> ... <c>TLSv1.3</c>) and the wire versions they stand for.</summary>
public static class TlsVersionNames
{
    private static readonly (string Name, TlsVersions Version, ushort Wire)[] s_versions =
    [
        ("TLSv1.0", TlsVersions.Tls10, 0x0301),
        ("TLSv1.1", TlsVersions.Tls11, 0x0302),
        ("TLSv1.2", TlsVersions.Tls12, 0x0303),
        ("TLSv1.3", TlsVersions.Tls13, 0x0304),
    ];

    /// <summary>Every name a policy's TLSVersions may hold, oldest first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. s_versions.Select(v => v.Name)];

    /// <summary>TLS 1.0 to 1.3, one at a time, oldest first.</summary>
    public static IReadOnlyList<TlsVersions> EachVersion { get; } = [.. s_versions.Select(v => v.Version)];

    public static bool TryParse(string? name, out TlsVersions version)
    {
        foreach (var entry in s_versions)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                version = entry.Version;
                return true;
            }
        }

        version = TlsVersions.None;
        return false;
    }

    /// <summary>The names of a set of versions, oldest first (<c>TLSv1.2, TLSv1.3</c>); TLCP as <c>TLCP</c>.</summary>
    public static IReadOnlyList<string> Of(TlsVersions versions)
    {
        var names = s_versions.Where(v => versions.HasFlag(v.Version)).Select(v => v.Name).ToList();
        if (versions.HasFlag(TlsVersions.Tlcp))
        {
            names.Add("TLCP");
        }

        return names;
    }

    /// <summary>The version a wire value (0x0301 ... 0x0304) stands for; None for anything else.</summary>
    public static TlsVersions FromWire(ushort wire)
    {
        foreach (var entry in s_versions)
        {
            if (entry.Wire == wire)
            {
                return entry.Version;
            }
        }

        return TlsVersions.None;
    }
}
