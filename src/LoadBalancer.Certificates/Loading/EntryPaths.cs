namespace LoadBalancer.Certificates.Loading;

/// <summary>Turns a path field of an entry into an absolute path, or reports that it is missing.</summary>
internal static class EntryPaths
{
    public static string? Resolve(string? value, string field, Func<string, string> resolvePath, EntryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Error(field, $"{field} is required; set it to the path of a PEM file (relative to the listener file's folder)");
            return null;
        }

        return resolvePath(value);
    }

    public static void RequireId(string? id, EntryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Error("CertificateId", "CertificateId is required; give the entry an id that listeners can refer to");
        }
    }
}
