using System.Net;

namespace LoadBalancer.Certificates.Selection;

/// <summary>Rules for the names in SNI and in certificates.</summary>
public static class ServerNames
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>
    /// True when the SNI is a DNS host name we match certificates against: not an IP literal, no trailing dot, labels
    /// of 1-63 letters, digits, hyphens or underscores, at most 253 characters.
    /// </summary>
    public static bool IsDnsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || name[^1] == '.' || IsIpLiteral(name))
        {
            return false;
        }

        var labelLength = 0;
        foreach (var c in name)
        {
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return false;
                }

                labelLength = 0;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_') || ++labelLength > MaxLabelLength)
            {
                return false;
            }
        }

        return labelLength > 0;
    }

    /// <summary>
    /// An IPv6 literal (any ':'), or an IPv4 dotted quad. Not "1234" or "10.1", which IPAddress.TryParse would also
    /// accept but which are valid DNS names.
    /// </summary>
    private static bool IsIpLiteral(ReadOnlySpan<char> name) =>
        name.Contains(':') || (name.Count('.') == 3 && IPAddress.TryParse(name, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

    /// <summary>For <c>a.example.com</c> the part a one-label wildcard (<c>*.example.com</c>) covers: <c>example.com</c>.</summary>
    public static ReadOnlySpan<char> WildcardParent(ReadOnlySpan<char> name)
    {
        var dot = name.IndexOf('.');
        return dot < 0 ? [] : name[(dot + 1)..];
    }

    /// <summary>A certificate name of the form <c>*.suffix</c> gives <c>suffix</c>; any other name gives null.</summary>
    public static string? WildcardSuffix(string certificateName) =>
        certificateName.StartsWith("*.", StringComparison.Ordinal) && certificateName.Length > 2 ? certificateName[2..] : null;
}
