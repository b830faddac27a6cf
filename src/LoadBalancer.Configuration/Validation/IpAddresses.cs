using System.Net;
using System.Net.Sockets;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Strict IP address parsing (no "1" for 0.0.0.1) and the overlap of bind addresses with wildcards.</summary>
internal static class IpAddresses
{
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        var isFullIpv4 = parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3;
        address = parsed;
        return isFullIpv4 || parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>Whether two bind addresses share sockets: equal, 0.0.0.0 with any IPv4 address, :: with anything.</summary>
    public static bool Overlap(string? left, string? right)
    {
        if (!TryParse(left, out var a) || !TryParse(right, out var b))
        {
            return false;
        }

        return a.Equals(b) || a.Equals(IPAddress.IPv6Any) || b.Equals(IPAddress.IPv6Any)
            || (a.AddressFamily == b.AddressFamily && (a.Equals(IPAddress.Any) || b.Equals(IPAddress.Any)));
    }
}
